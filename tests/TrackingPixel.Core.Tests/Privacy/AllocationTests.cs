using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Tests.Privacy.Support;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Privacy;

/// <summary>
/// Allocation is deterministic, unlike time, so the hot paths' allocation budgets are asserted here; speed is for
/// benchmarks.
/// </summary>
public class AllocationTests
{
    private const int Calls = 1_000;

    [Theory]
    [InlineData(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("SomeTool/1.0")]
    public void Classify_UserAgentRules_AllocatesNothing(string userAgent)
    {
        var classifier = AgentClassifiers.Create(new AgentClassificationOptions());
        var headers = Request(new() { ["User-Agent"] = userAgent, ["Accept"] = "image/*" }).Headers;
        var address = System.Net.IPAddress.Parse("203.0.113.7");
        classifier.Classify(userAgent, headers, address);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            classifier.Classify(userAgent, headers, address);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Extract_KeyedId_AllocatesOnlyTheIdString()
    {
        var options = new KeyedIdOptions { Secret = "0123456789abcdef0123456789abcdef" };
        options.Inputs.Add("ip");
        options.Inputs.Add("header:User-Agent");
        var resolver = new ClientIpResolver(new ClientIpOptions());
        var extractor = new KeyedIdFieldExtractor("visitorId", options, resolver, new FakeTimeProvider(Some.Time));
        var request = Request(
            new()
            {
                ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 " +
                "Safari/537.36"
            });
        var record = new RecordBuilder("unknown");
        extractor.Extract(request, record);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            extractor.Extract(request, record);
        }

        // A 32-character string is 88 bytes on 64-bit .NET.
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
        Assert.InRange(perCall, 1, 96);
    }

    private static PixelRequest Request(Dictionary<string, string> headers) => new()
    {
        Headers = new CaseInsensitiveHeaders(headers),
        PeerAddress = "203.0.113.7",
        Timestamp = Some.Time,
    };
}
