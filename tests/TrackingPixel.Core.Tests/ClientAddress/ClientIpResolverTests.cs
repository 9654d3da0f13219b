using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.ClientAddress;

public class ClientIpResolverTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData(" 203.0.113.7 ", "203.0.113.7")]
    [InlineData("203.0.113.7:5678", "203.0.113.7")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("[::ffff:203.0.113.7]:80", "203.0.113.7")]
    [InlineData("fe80::1%eth0", "fe80::1")]
    [InlineData("::1", "::1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    public void Resolve_ValidPeerAddress_RecordsItsCanonicalForm(string peer, string expected)
    {
        var resolved = Resolver().Resolve(Some.Request(peer: peer));

        Assert.Equal(expected, resolved.Text);
        Assert.Null(resolved.Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("256.1.1.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("010.0.0.1")]
    [InlineData("1.2.3.4:")]
    [InlineData("1.2.3.4:x")]
    [InlineData("1.2.3.4:1234567")]
    [InlineData("[2001:db8::1]x")]
    [InlineData("[2001:db8::1]:")]
    [InlineData("[2001:db8::1")]
    [InlineData("2001:db8::g")]
    [InlineData("hello")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("1.2.3.4\n5.6.7.8")]
    [InlineData("unknown")]
    public void Resolve_InvalidPeerAddress_RecordsNoAddressAndSaysWhy(string peer)
    {
        var resolved = Resolver().Resolve(Some.Request(peer: peer));

        Assert.Null(resolved.Text);
        Assert.Null(resolved.Address);
        Assert.NotNull(resolved.Problem);
        if (peer.Trim().Length > 0)
        {
            Assert.DoesNotContain(peer.Trim(), resolved.Problem!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Resolve_VeryLongValue_IsRejectedBeforeParsing()
    {
        var resolved = Resolver().Resolve(Some.Request(peer: "1." + new string('1', 100_000)));

        Assert.Null(resolved.Text);
        Assert.Equal("address too long", resolved.Problem);
    }

    [Fact]
    public void Resolve_NoTrustedProxies_IgnoresSpoofedForwardedFor()
    {
        var request = Some.Request(headers: new() { ["X-Forwarded-For"] = "6.6.6.6" }, peer: "203.0.113.7");

        Assert.Equal("203.0.113.7", Resolver(0).Resolve(request).Text);
    }

    [Theory]
    [InlineData(1, "198.51.100.1")]
    [InlineData(2, "6.6.6.6")]
    public void Resolve_TrustedProxies_TakesThatEntryCountingFromTheRight(int trusted, string expected)
    {
        // The client wrote 6.6.6.6 itself; the one trusted proxy appended the address it saw, 198.51.100.1.
        var request = Some.Request(headers: new() { ["x-forwarded-for"] = "6.6.6.6, 198.51.100.1" }, peer: "10.0.0.2");

        var resolved = Resolver(trusted).Resolve(request);

        Assert.Equal(expected, resolved.Text);
        Assert.Null(resolved.Problem);
    }

    [Fact]
    public void Resolve_HeaderShorterThanTheProxyCount_FallsBackToThePeerAndSaysSo()
    {
        var request = Some.Request(headers: new() { ["X-Forwarded-For"] = "198.51.100.1" }, peer: "10.0.0.2");

        var resolved = Resolver(2).Resolve(request);

        Assert.Equal("10.0.0.2", resolved.Text);
        Assert.Contains("shorter than the trusted proxy count", resolved.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_HeaderMissingAndNoPeer_RecordsNoAddress()
    {
        var resolved = Resolver(1).Resolve(Some.Request(peer: null));

        Assert.Null(resolved.Text);
        Assert.NotNull(resolved.Problem);
    }

    [Theory]
    [InlineData("evil, nonsense")]
    [InlineData("1.2.3.4, ")]
    [InlineData("1.2.3.4,,")]
    public void Resolve_TrustedEntryIsNotAnAddress_RecordsNoAddress(string header)
    {
        var request = Some.Request(headers: new() { ["X-Forwarded-For"] = header }, peer: "10.0.0.2");

        var resolved = Resolver(1).Resolve(request);

        Assert.Null(resolved.Text);
        Assert.Equal("not an IPv4 or IPv6 address", resolved.Problem);
    }

    [Fact]
    public void Resolve_TrustedEntryWithPortAndIpv6_IsNormalised()
    {
        var request =
            Some.Request(headers: new() { ["X-Forwarded-For"] = "6.6.6.6, [2001:DB8::7]:1234" }, peer: "10.0.0.2");

        Assert.Equal("2001:db8::7", Resolver(1).Resolve(request).Text);
    }

    [Fact]
    public void Resolve_CustomHeaderName_IsTheOneRead()
    {
        var request = Some.Request(
            headers: new() { ["X-Forwarded-For"] = "6.6.6.6", ["CF-Connecting-IP"] = "198.51.100.9" },
            peer: "10.0.0.2");
        var resolver = new ClientIpResolver(
            new ClientIpOptions { TrustedProxyCount = 1, ForwardedForHeader = "CF-Connecting-IP" });

        Assert.Equal("198.51.100.9", resolver.Resolve(request).Text);
    }

    [Fact]
    public void ClientAddress_AskedTwiceForOneRequest_ResolvesOnceAndSharesTheResult()
    {
        var request = Some.Request();
        var resolver = Resolver();
        var record = new RecordBuilder("unknown");

        Assert.Same(record.ClientAddress(resolver, request), record.ClientAddress(resolver, request));
    }

    [Fact]
    public void ClientAddress_AfterReset_ResolvesTheNextRequestAfresh()
    {
        var resolver = Resolver();
        var record = new RecordBuilder("unknown");
        var first = record.ClientAddress(resolver, new PixelRequest { PeerAddress = "192.0.2.1" });

        record.Reset();
        var second = record.ClientAddress(resolver, new PixelRequest { PeerAddress = "198.51.100.7" });

        Assert.Equal("192.0.2.1", first.Text);
        Assert.Equal("198.51.100.7", second.Text);
    }

    private static ClientIpResolver Resolver(int trustedProxies = 0) =>
        new(new ClientIpOptions { TrustedProxyCount = trustedProxies });
}
