using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.StandardFields;

public class ClientIpFieldExtractorTests
{
    [Fact]
    public void Extract_ValidPeer_WritesIt()
    {
        var line = Some.RecordOf(Some.Request(peer: "[2001:db8::1]:443"), b => b.AddStandardFields());

        Assert.Contains("\"ip\":\"2001:db8::1\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>")]
    [InlineData("999.999.999.999")]
    [InlineData("\"quoted\"")]
    public void Extract_InvalidPeer_WritesTheMissingValueNeverTheInput(string peer)
    {
        var line = Some.RecordOf(Some.Request(peer: peer));

        Assert.Contains("\"ip\":\"unknown\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain(peer.Trim('"'), line, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_InvalidPeer_CountsAnInputProblem()
    {
        using var services = Some.Services();
        var pipeline = services.GetRequiredService<PixelPipeline>();

        using var record = pipeline.Collect(Some.Request(peer: "nonsense"));

        Assert.Equal(1, pipeline.Metrics.InputProblems);
    }

    [Fact]
    public void Extract_SpoofedForwardedForWithOneTrustedProxy_WritesTheProxysEntry()
    {
        var request = Some.Request(headers: new() { ["X-Forwarded-For"] = "6.6.6.6, 198.51.100.1" }, peer: "10.0.0.2");

        var line = Some.RecordOf(request, options: o => o.ClientIp.TrustedProxyCount = 1);

        Assert.Contains("\"ip\":\"198.51.100.1\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("6.6.6.6", line, StringComparison.Ordinal);
    }
}
