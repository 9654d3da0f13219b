using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Sample.CustomFields;
using TrackingPixel.Testing;

namespace TrackingPixel.Samples.Tests.CustomFields;

/// <summary>
/// Pins the custom-fields sample's records byte for byte against committed snapshots (see
/// <see cref="RecordSnapshot"/>).
/// </summary>
public class CustomFieldsSnapshotTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public static TheoryData<string, string> UserAgents => new()
    {
        { "iphone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
            "Version/17.4 Mobile/15E148 Safari/604.1" },
        { "ipad", "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) " +
            "Version/17.4 Mobile/15E148 Safari/604.1" },
        { "android-tablet", "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) " +
            "Chrome/124.0 Safari/537.36" },
        { "android-phone", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) " +
            "Chrome/124.0 Mobile Safari/537.36" },
        { "windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 " +
            "Safari/537.36" },
        { "gmail-proxy", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)" },
        { "curl", "curl/8.5.0" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(UserAgents))]
    public void CampaignRecord_ForEachKindOfDevice_MatchesItsSnapshot(string name, string userAgent)
    {
        using var host = PixelTestHost.Create(b => b.AddCampaignFields(), clock: new FixedClock(Time));
        var request = TestRequest.Get()
            .WithQuery("userid=u-42&thirdpartyname=news.example&campaign=spring&utm_source=newsletter&utm_medium=email")
            .WithQuery("utm_campaign=spring%20sale")
            .WithUserAgent(userAgent)
            .WithClientAddress("198.51.100.23");

        RecordSnapshot.Match(host.Record(request), name);
    }

    [Fact]
    public void DeviceClassExtractor_DescribesItsField_SoTheGeneratedTableHasTheColumn()
    {
        using var services = Services();
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Contains(schema.Fields, f => f.Name == DeviceClassExtractor.FieldName);
        Assert.Equal(
            [
                "date", "ip", "userAgent", "userId", "thirdPartyId", "eventType", "clickTarget", "campaign",
                "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "deviceClass", "_truncated",
            ],
            schema.Fields.Select(f => f.Name));
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddCampaignFields();
        return services.BuildServiceProvider();
    }
}
