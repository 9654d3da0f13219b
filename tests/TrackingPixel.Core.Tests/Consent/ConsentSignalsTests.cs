using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Consent;

public class ConsentSignalsTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("1", null, true, false)]
    [InlineData(" 1 ", "1", true, true)]
    [InlineData("0", "1", false, true)]
    [InlineData("true", "yes", false, false)]
    public void AddConsentSignals_Headers_RecordsTheFlags(string? gpc, string? dnt, bool expectedGpc, bool expectedDnt)
    {
        var line = Some.RecordOf(WithSignals(gpc, dnt), b => b.AddConsentSignals());

        Assert.Equal(
            $$"""{"gpc":{{(expectedGpc ? "true" : "false")}},"dnt":{{(expectedDnt ? "true" : "false")}}}""" + "\n",
            line);
    }

    [Fact]
    public void AddConsentSignals_RecordFlag_KeepsIdentifiers()
    {
        var line = Some.RecordOf(
            WithSignals("1", null),
            b => b.AddStandardFields().AddConsentSignals(ConsentPolicy.RecordFlag));

        Assert.Contains("\"ip\":\"203.0.113.7\"", line, StringComparison.Ordinal);
        Assert.Contains("\"userId\":\"aws_user\"", line, StringComparison.Ordinal);
        Assert.Contains("\"gpc\":true", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsentSignals_StripIdentifiers_RemovesAddressUserIdAndKeyedIdsAddedInAnyOrder()
    {
        var line = Some.RecordOf(WithSignals("1", null), b => b
            .AddConsentSignals(ConsentPolicy.StripIdentifiers)
            .AddStandardFields()
            .AddKeyedId("visitorId", o => { o.Secret = Secret; o.Inputs.Add("ip"); })
            .AddClientIpMasking());

        Assert.Equal(
            """{"gpc":true,"dnt":false""" +
            ""","date":"2024-05-01T12:34:56.789Z","userAgent":"unknown","thirdPartyId":"example.""" +
            """hightrafficwebsite.com"}""" + "\n",
            line);
    }

    [Fact]
    public void AddConsentSignals_StripIdentifiersWithoutSignal_KeepsIdentifiers()
    {
        var line = Some.RecordOf(
            WithSignals(null, "1"),
            b => b.AddStandardFields().AddConsentSignals(ConsentPolicy.StripIdentifiers));

        Assert.Contains("\"ip\":\"203.0.113.7\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsentSignals_DntHonoured_StripsOnDnt()
    {
        var line = Some.RecordOf(
            WithSignals(null, "1"),
            b => b.AddStandardFields().AddConsentSignals(
                ConsentPolicy.StripIdentifiers,
                o => o.HonourDoNotTrack = true));

        Assert.DoesNotContain("\"ip\"", line, StringComparison.Ordinal);
        Assert.DoesNotContain("aws_user", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsentSignals_ConfiguredFields_StripsThoseFields()
    {
        var line = Some.RecordOf(
            WithSignals("1", null),
            b => b.AddStandardFields().AddConsentSignals(
                ConsentPolicy.StripIdentifiers,
                o => o.StrippedFields.Add("thirdPartyId")));

        Assert.DoesNotContain("thirdPartyId", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddConsentSignals_SkipRecord_ProducesNoRecordAndCountsIt()
    {
        var publisher = new CollectingPublisher();
        using var services =
            Some.Services(b => b.AddStandardFields().AddConsentSignals(ConsentPolicy.SkipRecord), publisher: publisher);
        var pipeline = services.GetRequiredService<PixelPipeline>();

        await pipeline.HandleAsync(WithSignals("1", null), CancellationToken.None);
        await pipeline.HandleAsync(WithSignals(null, null), CancellationToken.None);

        var record = Assert.Single(publisher.Records);
        Assert.Contains("\"gpc\":false", record, StringComparison.Ordinal);
        Assert.Equal(1, pipeline.Metrics.RecordsDiscarded);
    }

    [Fact]
    public void AddConsentSignals_AddedTwice_LastPolicyWinsAndFlagsAppearOnce()
    {
        var line = Some.RecordOf(
            WithSignals("1", null),
            b => b.AddStandardFields().AddConsentSignals().AddConsentSignals(ConsentPolicy.StripIdentifiers));

        Assert.DoesNotContain("\"ip\"", line, StringComparison.Ordinal);
        Assert.Equal(1, line.Split("\"gpc\"").Length - 1);
    }

    [Fact]
    public void AddConsentSignals_BadOptions_FailAtStartWithWhatToFix()
    {
        using var services = Some.Services(b => b.AddStandardFields().AddConsentSignals(configure: o =>
        {
            o.Policy = (ConsentPolicy)9;
            o.StrippedFields.Add(" ");
        }));

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<PixelPipeline>());
        Assert.Contains("Consent.Policy is 9", error.Message, StringComparison.Ordinal);
        Assert.Contains("Consent.StrippedFields has an empty entry", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddConsentSignals_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderConsentExtensions.AddConsentSignals(null!));
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new ServiceCollection().AddTrackingPixel().AddConsentSignals((ConsentPolicy)42));
    }

    private static PixelRequest WithSignals(string? gpc, string? dnt)
    {
        var headers = new Dictionary<string, string>();
        if (gpc is not null)
        {
            headers["Sec-GPC"] = gpc;
        }

        if (dnt is not null)
        {
            headers["DNT"] = dnt;
        }

        return Some.Request("userid=aws_user&thirdpartyname=example.hightrafficwebsite.com", headers);
    }
}
