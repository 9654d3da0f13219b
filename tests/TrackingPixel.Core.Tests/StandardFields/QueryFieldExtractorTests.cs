using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.StandardFields;

public class QueryFieldExtractorTests
{
    [Theory]
    [InlineData("userid=aws_user", "aws_user")]
    [InlineData("userid=first&userid=second", "first")]
    [InlineData("userid=a%20b+c", "a b c")]
    [InlineData("userid=", "")]
    [InlineData("userid", "")]
    [InlineData("other=1&userid=%C3%A9", "é")]
    public void Extract_ParameterPresent_WritesItsFirstDecodedValue(string query, string expected)
    {
        var record = Extract(query, out _);

        Assert.True(record.TryGetString("userId", out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UserId=x")]
    [InlineData("userid2=x")]
    public void Extract_ParameterAbsent_WritesTheMissingValue(string query)
    {
        var record = Extract(query, out _);

        Assert.True(record.TryGetString("userId", out var value));
        Assert.Equal("unknown", value);
    }

    [Theory]
    [InlineData("userid=%ZZ", "%ZZ")]
    [InlineData("userid=%FF", "\uFFFD")]
    public void Extract_MalformedValue_WritesItReplacedAndCountsIt(string query, string expected)
    {
        using var services = Some.Services(b => b.AddQueryField("userId", "userid"));
        var pipeline = services.GetRequiredService<TrackingPixel.PixelPipeline>();

        using var line = pipeline.Collect(Some.Request(query));

        Assert.Equal($$"""{"userId":"{{expected}}"}""" + "\n", line!.ToString());
        Assert.Equal(1, pipeline.Metrics.InputProblems);
    }

    private static RecordBuilder Extract(string query, out QueryFieldExtractor extractor)
    {
        var record = new RecordBuilder("unknown");
        extractor = new QueryFieldExtractor("userId", "userid");
        extractor.Extract(Some.Request(query), record);
        return record;
    }
}
