using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TrackingPixel.Testing;
using TrackingPixel.Tests.Privacy.Support;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Privacy;

public sealed partial class PrivacyFirstSnapshotTests : IDisposable
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
        "Chrome/124.0 Safari/537.36";
    private readonly GeneratedRelayRanges _ranges = new();

    public void Dispose() => _ranges.Dispose();

    [Fact]
    public void Collect_Fixtures_MatchTheSnapshotOnDayOne()
    {
        var (day1, _) = CollectOnTwoDays();

        RecordSnapshot.MatchText(day1, "PrivacyFirst.Day1");
    }

    [Fact]
    public void Collect_Fixtures_MatchTheSnapshotOnDayTwo()
    {
        var (_, day2) = CollectOnTwoDays();

        RecordSnapshot.MatchText(day2, "PrivacyFirst.Day2");
    }

    [Fact]
    public void Collect_SameFixturesNextUtcDay_ChangeEveryKeyedIdAndNothingElse()
    {
        var (day1, day2) = CollectOnTwoDays();

        var first = day1.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        var second = day2.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();
        Assert.Equal(first.Count, second.Count);
        for (var i = 0; i < first.Count; i++)
        {
            foreach (var property in first[i].EnumerateObject())
            {
                var other = second[i].GetProperty(property.Name).ToString();
                if (property.Name is "visitorId" or "userKey" && property.Value.GetString() != "unknown")
                {
                    Assert.NotEqual(property.Value.ToString(), other);
                }
                else if (property.Name != "date")
                {
                    Assert.Equal(property.Value.ToString(), other);
                }
            }
        }
    }

    private (string Day1, string Day2) CollectOnTwoDays()
    {
        using var host = PixelTestHost.Create(
            b => PrivacyFirstConfiguration.Apply(b, _ranges.Path), clock: new FixedClock(Some.Time));
        var day1 = CollectFixtures(host);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var day2 = CollectFixtures(host);
        return (day1, day2);
    }

    private string CollectFixtures(PixelTestHost host)
    {
        var lines = new StringBuilder();
        foreach (var request in Fixtures())
        {
            var record = host.Record(request);
            Assert.NotNull(record);
            lines.Append(ScrubGeneratedEventId(record.Text));
        }

        return lines.ToString();
    }

    private IEnumerable<PixelRequest> Fixtures()
    {
        yield return Fixture(
            "gmail",
            "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
            "66.249.84.17");
        yield return Fixture(
            "yahoo",
            "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
            "2001:4998:ef83:14:8000::100a");
        yield return Fixture("apple-relay", "Mozilla/5.0", _ranges.SampleIpv4);
        yield return Fixture("scanner", "Mozilla/5.0 (compatible; Barracuda Sentinel)", "205.139.110.30");
        yield return Fixture(
            "automation",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 " +
                "Safari/537.36",
            "198.51.100.23");
        yield return Fixture("browser", Chrome, "203.0.113.7", requestId: null);
        yield return Fixture("browser-gpc", Chrome, "2001:db8:abcd:12::7", gpc: true);
    }

    private static PixelRequest Fixture(
        string name, string userAgent, string peer, string? requestId = "", bool gpc = false)
    {
        var headers = new Dictionary<string, string>
        {
            ["User-Agent"] = userAgent,
            ["Referer"] = "https://mail.example.com/inbox?msg=12345&email=reader%40example.org",
            ["Accept-Language"] = "en-GB,en;q=0.8",
        };
        if (gpc)
        {
            headers["Sec-GPC"] = "1";
        }

        return new PixelRequest
        {
            Path = "/pixel.gif",
            RawQuery = $"userid={name}-reader&thirdpartyname=newsletter.example.com",
            Headers = RequestHeaders.FromDictionary(headers),
            PeerAddress = peer,
            Timestamp = Some.Time,
            RequestId = requestId == string.Empty ? $"{name}-request" : requestId,
        };
    }

    /// <summary>
    /// UUIDv7 ids carry the clock and random bits: check the shape, then write a placeholder in the snapshot.
    /// </summary>
    private static string ScrubGeneratedEventId(string line) => UuidV7().Replace(line, "\"eventId\":\"<uuidv7>\"");

    [GeneratedRegex("\"eventId\":\"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\"")]
    private static partial Regex UuidV7();
}
