using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.StandardFields;

public class TrackingPixelBuilderFieldExtensionsTests
{
    private static readonly ITrackingPixelBuilder NullBuilder = null!;

    [Fact]
    public void Extensions_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddTrackingPixel();

        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddStandardFields());
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddQueryField("f", "p"));
        Assert.Throws<ArgumentNullException>(() => builder.AddQueryField(null!, "p"));
        Assert.Throws<ArgumentException>(() => builder.AddQueryField("f", ""));
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddHeaderField("f", "h"));
        Assert.Throws<ArgumentException>(() => builder.AddHeaderField("", "h"));
        Assert.Throws<ArgumentNullException>(() => builder.AddHeaderField("f", null!));
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddField("f", _ => null));
        Assert.Throws<ArgumentNullException>(() => builder.AddField("f", null!));
        Assert.Throws<ArgumentException>(() => builder.AddField("", _ => null));
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddExtractor<CampaignExtractor>());
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddExtractor(new CampaignExtractor()));
        Assert.Throws<ArgumentNullException>(() => builder.AddExtractor(null!));
        Assert.Throws<ArgumentNullException>(() => NullBuilder.AddRecordPolicy(new RemoveUserAgent()));
        Assert.Throws<ArgumentNullException>(() => builder.AddRecordPolicy(null!));
    }

    [Fact]
    public void EveryFieldExtension_ResolvesAndWritesItsFieldInRegistrationOrder()
    {
        var line = Some.RecordOf(
            Some.Request(
                "userid=u&utm_campaign=spring",
                new() { ["Referer"] = "https://example.com/", ["User-Agent"] = "ua" }),
            b => b.AddStandardFields()
                  .AddQueryField("campaign", "utm_campaign")
                  .AddHeaderField("referer", "Referer")
                  .AddField("path", r => r.Path)
                  .AddExtractor<CampaignExtractor>()
                  .AddExtractor(new ConstantExtractor())
                  .AddRecordPolicy(new RemoveUserAgent()));

        Assert.Equal(
            "{\"date\":\"2024-05-01T12:34:56.789Z\",\"ip\":\"203.0.113.7\",\"userId\":\"u\"," +
            "\"thirdPartyId\":\"unknown\",\"campaign\":\"spring\",\"referer\":\"https://example.com/\"," +
            "\"path\":\"/pixel.gif\",\"campaignUpper\":\"SPRING\",\"constant\":\"c\"}" + "\n",
            line);
    }

    [Fact]
    public void AddStandardFields_Twice_AddsTheFieldsOnce()
    {
        var services = new ServiceCollection();
        var builder = services.AddTrackingPixel().AddStandardFields();
        var count = services.Count;

        builder.AddStandardFields();

        Assert.Equal(count, services.Count);
    }

    [Fact]
    public void AddExtractorOfT_Twice_AddsItOnce()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddExtractor<CampaignExtractor>().AddExtractor<CampaignExtractor>();
        using var provider = services.BuildServiceProvider();

        Assert.Single(provider.GetServices<IFieldExtractor>());
    }

    [Fact]
    public void AddExtractor_TwoInstancesOfOneType_KeepsBoth()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddExtractor(new ConstantExtractor()).AddExtractor(new ConstantExtractor());
        using var provider = services.BuildServiceProvider();

        Assert.Equal(2, provider.GetServices<IFieldExtractor>().Count());
    }

    [Fact]
    public void AddExtractorOfT_WithDependencies_IsCreatedByTheContainer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Prefix("p-"));
        services.AddTrackingPixel().AddExtractor<PrefixedExtractor>();
        using var provider = services.BuildServiceProvider();

        using var record = provider.GetRequiredService<PixelPipeline>().Collect(Some.Request());

        Assert.Equal("""{"prefixed":"p-/pixel.gif"}""" + "\n", record!.ToString());
    }

    private sealed class CampaignExtractor : IFieldExtractor
    {
        public void Extract(PixelRequest request, RecordBuilder record)
        {
            if (record.TryGetString("campaign", out var campaign))
            {
                record.Set("campaignUpper", campaign.ToUpperInvariant());
            }
        }
    }

    private sealed class ConstantExtractor : IFieldExtractor
    {
        public void Extract(PixelRequest request, RecordBuilder record) => record.Set("constant", "c");
    }

    private sealed class RemoveUserAgent : IRecordPolicy
    {
        public void Apply(PixelRequest request, RecordBuilder record) => record.Remove(FieldNames.UserAgent);
    }

    private sealed record Prefix(string Value);

    private sealed class PrefixedExtractor(Prefix prefix) : IFieldExtractor
    {
        public void Extract(PixelRequest request, RecordBuilder record) =>
            record.Set("prefixed", prefix.Value + request.Path);
    }
}
