using System.Net;

namespace TrackingPixel.Tests.Masking;

public class IpAddressMaskTests
{
    [Theory]
    [InlineData("203.0.113.77", 24, "203.0.113.0")]
    [InlineData("203.0.113.77", 16, "203.0.0.0")]
    [InlineData("203.0.113.77", 20, "203.0.112.0")]
    [InlineData("203.0.113.77", 0, "0.0.0.0")]
    [InlineData("2001:db8:abcd:12:34:56:78:9a", 48, "2001:db8:abcd::")]
    [InlineData("2001:db8:abcd:12:34:56:78:9a", 64, "2001:db8:abcd:12::")]
    [InlineData("2001:db8:abcd:12:34:56:78:9a", 52, "2001:db8:abcd::")]
    [InlineData("2001:db8:abcd:f012::1", 52, "2001:db8:abcd:f000::")]
    public void Apply_Prefix_KeepsOnlyThePrefixBits(string address, int prefix, string expected)
    {
        var masked = IpAddressMask.Apply(IPAddress.Parse(address), ipv4PrefixLength: prefix, ipv6PrefixLength: prefix);

        Assert.Equal(expected, masked);
    }
}
