using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Privacy.Support;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Privacy;

public sealed class PrivacyFirstPropertyTests : IDisposable
{
    private static readonly string[] KnownClasses =
    [
        AgentClasses.Human,
        AgentClasses.MailProxy,
        AgentClasses.PrivacyRelay,
        AgentClasses.Scanner,
        AgentClasses.LinkPreview,
        AgentClasses.Crawler,
        AgentClasses.AiFetcher,
        AgentClasses.Monitoring,
        AgentClasses.Automation,
        AgentClasses.Prefetch,
        AgentClasses.NonBrowser,
    ];

    private static readonly Gen<string> Printable = Gen.Char[' ', '~'].Array[0, 60].Select(c => new string(c));

    private static readonly Gen<string?> Peer = Gen.OneOf<string?>(
        Gen.Byte.Array[4].Select(b => new IPAddress(b).ToString()).Null(0.0),
        Gen.Byte.Array[16].Select(b => new IPAddress(b).ToString()).Null(0.0),
        Gen.Byte.Array[4].Select(b => $"::ffff:{new IPAddress(b)}").Null(0.0),
        Gen.OneOf<string?>(null, "", "unknown", "1", "999.1.1.1", "[::1]:443", "fe80::1%eth0"),
        Printable.Null(0.0));

    private static readonly Gen<string?> UserAgent = Gen.OneOf<string?>(
        Gen.OneOf<string?>(
            null,
            "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
            "YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
            "curl/8.5.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"),
        Gen.String.Null(0.0));

    private static readonly Gen<PixelRequest> Requests =
        from peer in Peer
        from userAgent in UserAgent
        from userId in Gen.String.Null(0.2)
        from gpc in Gen.OneOf<string?>(null, "1", "0", " 1")
        from language in Gen.OneOf(Gen.OneOf<string?>(null, "en-US,en;q=0.9"), Gen.String.Null(0.0))
        from referer in Gen.OneOf(
            Gen.OneOf<string?>(null, "https://u:p@example.com/x?email=a@b#f"), Gen.String.Null(0.0))
        from forwarded in Printable.Null(0.7)
        select Build(peer, userAgent, userId, gpc, language, referer, forwarded);

    private readonly GeneratedRelayRanges _ranges = new(count: 50);

    public void Dispose() => _ranges.Dispose();

    [Fact]
    public void Collect_RandomRequests_AlwaysWriteValidMaskedRecordsWithoutRawIdentifiers()
    {
        using var services = Some.Services(b => PrivacyFirstConfiguration.Apply(b, _ranges.Path));
        var pipeline = services.GetRequiredService<PixelPipeline>();

        Requests.Sample(request =>
        {
            using var record = pipeline.Collect(request);
            Assert.NotNull(record);
            var text = record.ToString();
            Assert.EndsWith("\n", text, StringComparison.Ordinal);
            var root = JsonDocument.Parse(text).RootElement;

            Assert.False(string.IsNullOrEmpty(root.GetProperty("eventId").GetString()));
            Assert.Contains(root.GetProperty(FieldNames.AgentClass).GetString(), KnownClasses);
            Assert.False(root.TryGetProperty("userId", out _), "raw userId must never be written");
            if (request.Query.TryGetValue("userid", out var userId) && userId.Length >= 8)
            {
                Assert.DoesNotContain(JsonEncodedText.Encode(userId).ToString(), text, StringComparison.Ordinal);
            }

            var optedOut = root.GetProperty("gpc").GetBoolean();
            Assert.Equal(optedOut, request.Headers.TryGetValue("Sec-GPC", out var gpc) && gpc.Trim() == "1");
            if (optedOut)
            {
                Assert.False(root.TryGetProperty("ip", out _));
                Assert.False(root.TryGetProperty("visitorId", out _));
                Assert.False(root.TryGetProperty("userKey", out _));
            }
            else
            {
                AssertMasked(root.GetProperty("ip").GetString()!);
            }
        }, iter: 2_000);
    }

    private static void AssertMasked(string ip)
    {
        if (ip == "unknown")
        {
            return;
        }

        var bytes = IPAddress.Parse(ip).GetAddressBytes();
        var hostBits = IPAddress.Parse(ip).AddressFamily == AddressFamily.InterNetwork ? bytes[3..] : bytes[6..];
        Assert.All(hostBits, b => Assert.Equal(0, b));
    }

    private static PixelRequest Build(
        string? peer,
        string? userAgent,
        string? userId,
        string? gpc,
        string? language,
        string? referer,
        string? forwarded)
    {
        var headers = new Dictionary<string, string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                headers[name] = value;
            }
        }

        Add("User-Agent", userAgent);
        Add("Sec-GPC", gpc);
        Add("Accept-Language", language);
        Add("Referer", referer);
        Add("X-Forwarded-For", forwarded);
        return new PixelRequest
        {
            RawQuery = userId is null ? "thirdpartyname=x" : "userid=" + Uri.EscapeDataString(userId),
            Headers = RequestHeaders.FromDictionary(headers),
            PeerAddress = peer,
            Timestamp = Some.Time,
            RequestId = userAgent is null ? null : "req",
        };
    }
}
