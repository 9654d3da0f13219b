using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.RequestFields;

public class RequestFieldTests
{
    [Theory]
    [InlineData("https://example.com/page?email=a%40b.com&token=x#top", "https://example.com/page")]
    [InlineData("https://example.com/page#section", "https://example.com/page")]
    [InlineData("https://user:secret@example.com/a?b", "https://example.com/a")]
    [InlineData("https://example.com", "https://example.com")]
    [InlineData("https://example.com/a//b@c?d", "https://example.com/a//b@c")]
    [InlineData("https://user@example.com", "https://example.com")]
    [InlineData("  android-app://com.google.android.gm/  ", "android-app://com.google.android.gm/")]
    public void AddRefererField_Default_DropsQueryFragmentAndCredentials(string referer, string expected)
    {
        var line = Some.RecordOf(Some.Request(headers: new() { ["Referer"] = referer }), b => b.AddRefererField());

        Assert.Equal($$"""{"referer":"{{expected}}"}""" + "\n", line);
    }

    [Fact]
    public void AddRefererField_KeepQuery_KeepsQueryButNotFragment()
    {
        var line = Some.RecordOf(
            Some.Request(headers: new() { ["Referer"] = "https://example.com/p?utm_source=mail#x" }),
            b => b.AddRefererField(keepQuery: true));

        Assert.Equal("""{"referer":"https://example.com/p?utm_source=mail"}""" + "\n", line);
    }

    [Fact]
    public void AddRefererField_Absent_WritesTheMissingValue()
    {
        Assert.Equal("""{"referer":"unknown"}""" + "\n", Some.RecordOf(Some.Request(), b => b.AddRefererField()));
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en-US")]
    [InlineData("fr;q=0.8, en", "fr")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData(" de-CH ", "de-CH")]
    [InlineData("*", "unknown")]
    [InlineData("", "unknown")]
    [InlineData("e", "unknown")]
    [InlineData("en_US", "unknown")]
    [InlineData("en-US\"<script>", "unknown")]
    [InlineData("toolonglanguage-US", "unknown")]
    [InlineData("en-abcdefghi", "unknown")]
    public void AddLanguageField_Header_RecordsTheValidatedPrimaryTag(string header, string expected)
    {
        var line =
            Some.RecordOf(Some.Request(headers: new() { ["Accept-Language"] = header }), b => b.AddLanguageField());

        Assert.Equal($$"""{"language":"{{expected}}"}""" + "\n", line);
    }

    [Fact]
    public void AddLanguageField_Malformed_ReportsAnInputProblem()
    {
        using var services = Some.Services(b => b.AddLanguageField());
        var pipeline = services.GetRequiredService<PixelPipeline>();

        using var record = pipeline.Collect(Some.Request(headers: new() { ["Accept-Language"] = "12-34" }));

        Assert.Equal(1, pipeline.Metrics.InputProblems);
    }

    [Fact]
    public void AddCloudFrontViewerFields_Present_RecordsEach()
    {
        var request = Some.Request(headers: new()
        {
            ["CloudFront-Viewer-Country"] = "DE",
            ["CloudFront-Viewer-Country-Region"] = "BE",
            ["CloudFront-Viewer-City"] = "Berlin",
        });

        var line = Some.RecordOf(request, b => b.AddEventIdField().AddCloudFrontViewerFields());

        Assert.Equal("""{"eventId":"req-1","country":"DE","region":"BE","city":"Berlin"}""" + "\n", line);
    }

    [Fact]
    public void AddCloudFrontViewerFields_AbsentOrMalformed_LeavesThemOut()
    {
        var request = Some.Request(headers: new() { ["CloudFront-Viewer-Country"] = "Germany" });

        var line = Some.RecordOf(request, b => b.AddEventIdField().AddCloudFrontViewerFields());

        Assert.Equal("""{"eventId":"req-1"}""" + "\n", line);
    }

    [Fact]
    public void RequestFieldExtensions_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderRequestFieldExtensions.AddRefererField(null!));
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderRequestFieldExtensions.AddLanguageField(null!));
        Assert.Throws<ArgumentNullException>(
            () => TrackingPixelBuilderRequestFieldExtensions.AddCloudFrontViewerFields(null!));
        Assert.Throws<ArgumentException>(
            () => new ServiceCollection().AddTrackingPixel().AddRefererField(fieldName: ""));
    }
}
