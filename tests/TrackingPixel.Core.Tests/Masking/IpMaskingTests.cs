using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Testing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Masking;

public class IpMaskingTests
{
    [Fact]
    public void MaskClientIp_Defaults_MasksIpv4To24AndIpv6To48()
    {
        var lines = string.Concat(
            Some.RecordOf(Some.OriginalExampleRequest(), b => b.AddStandardFields().AddClientIpMasking()),
            Some.RecordOf(
                Some.Request("userid=v6", peer: "2001:db8:abcd:12::7"),
                b => b.AddStandardFields().AddClientIpMasking()),
            Some.RecordOf(
                Some.Request("userid=mapped", peer: "::ffff:198.51.100.200"),
                b => b.AddStandardFields().AddClientIpMasking()),
            Some.RecordOf(Some.Request("userid=none", peer: null), b => b.AddStandardFields().AddClientIpMasking()),
            Some.RecordOf(
                Some.Request("userid=bad", peer: "not-an-address"),
                b => b.AddStandardFields().AddClientIpMasking()));

        RecordSnapshot.MatchText(lines, "IpMasking.Defaults");
    }

    [Fact]
    public void MaskClientIp_SixteenBits_KeepsTwoBytes()
    {
        var line = Some.RecordOf(
            Some.Request(peer: "203.0.113.77"),
            b => b.AddStandardFields().AddClientIpMasking(o => o.Ipv4PrefixLength = 16));

        Assert.Contains("\"ip\":\"203.0.0.0\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskClientIp_DropAddress_RemovesTheField()
    {
        var line = Some.RecordOf(
            Some.Request(peer: "203.0.113.77"),
            b => b.AddStandardFields().AddClientIpMasking(o => o.DropAddress = true));

        Assert.DoesNotContain("\"ip\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskClientIp_TrustedForwardingHeader_MasksTheResolvedAddress()
    {
        var request =
            Some.Request(headers: new() { ["X-Forwarded-For"] = "198.51.100.9, 192.0.2.44" }, peer: "10.0.0.1");

        var line = Some.RecordOf(
            request,
            b => b.AddStandardFields().AddClientIpMasking(),
            o => o.ClientIp.TrustedProxyCount = 1);

        Assert.Contains("\"ip\":\"192.0.2.0\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskClientIp_RegisteredBeforeTheIpField_StillMasks()
    {
        var line = Some.RecordOf(Some.Request(peer: "203.0.113.77"), b => b.AddClientIpMasking().AddStandardFields());

        Assert.Contains("\"ip\":\"203.0.113.0\"", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, 48, "Ipv4PrefixLength is 25")]
    [InlineData(-1, 48, "Ipv4PrefixLength is -1")]
    [InlineData(24, 65, "Ipv6PrefixLength is 65")]
    public void MaskClientIp_OutOfRange_FailsAtStartWithWhatToFix(int v4, int v6, string message)
    {
        using var services = Some.Services(
            b => b.AddStandardFields().AddClientIpMasking(o => { o.Ipv4PrefixLength = v4; o.Ipv6PrefixLength = v6; }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MaskClientIp_AddedTwice_RegistersOnePolicy()
    {
        using var services = Some.Services(
            b => b.AddStandardFields().AddClientIpMasking().AddClientIpMasking(o => o.Ipv4PrefixLength = 16));

        Assert.Single(services.GetServices<TrackingPixel.IRecordPolicy>());
        Assert.Equal(16, services.GetRequiredService<IOptions<IpMaskingOptions>>().Value.Ipv4PrefixLength);
    }

    [Fact]
    public void MaskClientIp_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderMaskingExtensions.AddClientIpMasking(null!));
    }
}
