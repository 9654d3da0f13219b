using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace TrackingPixel.Tests.ClickLinks;

public class ClickLinkSignerTests
{
    private const string Key1 = "k1-0123456789abcdef0123456789abcdef";
    private const string Key2 = "k2-0123456789abcdef0123456789abcdef";
    private static readonly Uri Endpoint = new("https://px.example.com/click");
    private static readonly Uri Target = new("https://www.example.com/offer?id=7&x=a b");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Verify_LinkItSigned_IsValidWithTheTarget()
    {
        var signer = Signer();
        var link = signer.Sign(Endpoint, Target, parameters: [new("userid", "u 1")]);

        var status = signer.Verify(QueryParameters.Parse(link.Query), out var target);

        Assert.Equal(ClickLinkStatus.Valid, status);
        Assert.Equal(Target.AbsoluteUri, target!.AbsoluteUri);
        Assert.StartsWith(
            "https://px.example.com/click?kid=k1&url=https%3A%2F%2Fwww.example.com",
            link.AbsoluteUri,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("url=https%3A%2F%2Fevil.example", "tampered target")]
    [InlineData("userid=someone-else", "tampered parameter")]
    [InlineData("extra=1", "added parameter")]
    public void Verify_AlteredLink_IsABadSignature(string change, string why)
    {
        var signer = Signer();
        var query = signer.Sign(Endpoint, Target, parameters: [new("userid", "u1")]).Query[1..];
        var name = change[..change.IndexOf('=')];
        var altered = string.Join(
            '&', query.Split('&').Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal)).Append(change));

        Assert.True(ClickLinkStatus.BadSignature == signer.Verify(QueryParameters.Parse(altered), out var target), why);
        Assert.Null(target);
    }

    [Theory]
    [InlineData("url=https%3A%2F%2Fevil.example")]
    [InlineData("url=https%3A%2F%2Fevil.example&kid=k1")]
    [InlineData("url=https%3A%2F%2Fevil.example&kid=k1&sig=")]
    [InlineData("kid=k1&sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Verify_UnsignedOrIncompleteLink_NeverGivesATarget(string query)
    {
        var status = Signer().Verify(QueryParameters.Parse(query), out var target);

        Assert.NotEqual(ClickLinkStatus.Valid, status);
        Assert.Null(target);
    }

    [Fact]
    public void Verify_RepeatedSignatureOrTarget_IsIncomplete()
    {
        var signer = Signer();
        var query = signer.Sign(Endpoint, Target).Query[1..];

        Assert.Equal(ClickLinkStatus.Incomplete, signer.Verify(QueryParameters.Parse(query + "&sig=x"), out _));
        Assert.Equal(
            ClickLinkStatus.Incomplete,
            signer.Verify(QueryParameters.Parse("url=https%3A%2F%2Fevil.example&" + query), out _));
    }

    [Fact]
    public void Verify_AfterExpiry_IsExpiredAndBeforeIsValid()
    {
        var signer = Signer();
        var link = QueryParameters.Parse(signer.Sign(Endpoint, Target, _time.GetUtcNow().AddHours(1)).Query);

        Assert.Equal(ClickLinkStatus.Valid, signer.Verify(link, out _));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ClickLinkStatus.Expired, signer.Verify(link, out var target));
        Assert.Null(target);
    }

    [Fact]
    public void Verify_KeyRotation_OldLinksVerifyWhileTheOldKeyIsKeptAndNotAfter()
    {
        var old = Signer(o => o.Keys["k1"] = Key1);
        var link = QueryParameters.Parse(old.Sign(Endpoint, Target).Query);
        var rotated = Signer(o => { o.Keys["k1"] = Key1; o.Keys["k2"] = Key2; o.SigningKeyId = "k2"; });
        var retired = Signer(o => o.Keys["k2"] = Key2);

        Assert.Equal(ClickLinkStatus.Valid, rotated.Verify(link, out _));
        Assert.Equal(ClickLinkStatus.UnknownKey, retired.Verify(link, out _));
        Assert.Contains("kid=k2", rotated.Sign(Endpoint, Target).Query, StringComparison.Ordinal);
        Assert.Equal(
            ClickLinkStatus.Valid, retired.Verify(QueryParameters.Parse(rotated.Sign(Endpoint, Target).Query), out _));
    }

    [Fact]
    public void Verify_SameKeyIdWithAnotherSecret_IsABadSignature()
    {
        var link = QueryParameters.Parse(Signer().Sign(Endpoint, Target).Query);
        var other = Signer(o => o.Keys["k1"] = Key2);

        Assert.Equal(ClickLinkStatus.BadSignature, other.Verify(link, out _));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/")]
    public void Sign_TargetThatIsNotHttp_Throws(string target)
    {
        Assert.Throws<ArgumentException>(() => Signer().Sign(Endpoint, new Uri(target)));
    }

    [Fact]
    public void Sign_ReservedParameterName_Throws()
    {
        Assert.Throws<ArgumentException>(
            () => Signer().Sign(Endpoint, Target, parameters: [new("url", "https://evil.example")]));
    }

    [Theory]
    [InlineData("", Key1, null, null, "key id '' must be")]
    [InlineData("k1", "tiny-key", null, null, "shorter than 32 bytes")]
    [InlineData("k1", Key1, "k9", null, "set SigningKeyId")]
    [InlineData("k1", Key1, null, "/relative", "FallbackUrl '/relative' must be")]
    public void Options_Invalid_FailStartUpSayingWhatToFixWithoutTheKey(
        string id, string secret, string? signing, string? fallback, string message)
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddStandardFields().AddClickLinks(o =>
        {
            o.Keys[id] = secret;
            o.SigningKeyId = signing;
            o.FallbackUrl = fallback;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<ClickLinkOptions>>().Value);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddClickLinks_ResolvesASignerFromTheServiceCollection()
    {
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddStandardFields().AddClickLinks(o => o.Keys["k1"] = Key1);
        using var provider = services.BuildServiceProvider();

        var signer = provider.GetRequiredService<ClickLinkSigner>();

        Assert.Equal(
            ClickLinkStatus.Valid, signer.Verify(QueryParameters.Parse(signer.Sign(Endpoint, Target).Query), out _));
        Assert.Throws<ArgumentNullException>(() => ((ITrackingPixelBuilder)null!).AddClickLinks(_ => { }));
    }

    private ClickLinkSigner Signer(Action<ClickLinkOptions>? configure = null)
    {
        var options = new ClickLinkOptions();
        (configure ?? (o => o.Keys["k1"] = Key1))(options);
        return new ClickLinkSigner(options, _time);
    }
}
