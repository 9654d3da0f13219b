using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Sample.CustomFields;

namespace TrackingPixel.Samples.Tests.CustomFields;

/// <summary>Pins the custom-fields sample's records byte for byte against committed snapshots.</summary>
public class CustomFieldsSnapshotTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public static TheoryData<string, string> UserAgents => new()
    {
        { "iphone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1" },
        { "ipad", "Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1" },
        { "android-tablet", "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36" },
        { "android-phone", "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36" },
        { "windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36" },
        { "gmail-proxy", "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)" },
        { "curl", "curl/8.5.0" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(UserAgents))]
    public void CampaignRecord_ForEachKindOfDevice_MatchesItsSnapshot(string name, string userAgent)
    {
        var record = RecordFor("userid=u-42&thirdpartyname=news.example&campaign=spring&utm_source=newsletter&utm_medium=email&utm_campaign=spring%20sale", userAgent);

        AcceptIfRequested(name, record);
        var path = Path.Combine(AppContext.BaseDirectory, "CustomFields", "__snapshots__", name + ".ndjson");
        Assert.True(File.Exists(path), $"Snapshot {path} is missing; it is committed under tests/TrackingPixel.Samples.Tests/CustomFields/__snapshots__/.");
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), record);
    }

    [Fact]
    public void DeviceClassExtractor_DescribesItsField_SoTheGeneratedTableHasTheColumn()
    {
        using var services = Services();
        var schema = services.GetRequiredService<PixelPipeline>().DescribeRecord();

        Assert.Contains(schema.Fields, f => f.Name == DeviceClassExtractor.FieldName);
        Assert.Equal(["date", "ip", "userAgent", "userId", "thirdPartyId", "eventType", "clickTarget", "campaign", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "deviceClass", "_truncated"], schema.Fields.Select(f => f.Name));
    }

    /// <summary>With UPDATE_SNAPSHOTS=1 (ignored in CI) writes the snapshot into the source tree, for review in the
    /// diff.</summary>
    private static void AcceptIfRequested(string name, string record, [CallerFilePath] string testFile = "")
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(testFile)!, "__snapshots__", name + ".ndjson"), record, new UTF8Encoding(false));
        }
    }

    private static string RecordFor(string query, string userAgent)
    {
        using var services = Services();
        var request = new PixelRequest
        {
            Path = "/pixel.gif",
            RawQuery = query,
            Headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { ["User-Agent"] = userAgent }),
            PeerAddress = "198.51.100.23",
            Timestamp = Time,
        };
        using var record = services.GetRequiredService<PixelPipeline>().Collect(request)!;
        return record.ToString();
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddCampaignFields();
        return services.BuildServiceProvider();
    }
}
