using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.AgentClassification;

public sealed class AgentClassificationTests : IDisposable
{
    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-classification-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Sec-Purpose", "prefetch;prerender", "header:Sec-Purpose=prefetch")]
    [InlineData("Purpose", "prefetch", "header:Purpose=prefetch")]
    [InlineData("X-Moz", "Prefetch", "header:X-Moz=prefetch")]
    [InlineData("X-Purpose", "preview", "header:X-Purpose=preview")]
    public void Classify_PrefetchHeader_IsPrefetch(string header, string value, string expectedRule)
    {
        var headers = RequestHeaders.FromDictionary(new Dictionary<string, string> { [header] = value });

        Assert.Equal(
            new AgentVerdict(AgentClasses.Prefetch, expectedRule),
            Create().Classify("Mozilla/5.0 Firefox/125.0", headers));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Classify_NoUserAgent_IsNonBrowser(string? userAgent)
    {
        Assert.Equal(new AgentVerdict(AgentClasses.NonBrowser, "ua-absent"), Create().Classify(userAgent));
    }

    [Fact]
    public void Classify_AllowRuleAndAddressRule_AddressRuleStillDecides()
    {
        var classifier = Create(o => o.Rules.Add("privacy-relay ip:172.224.226.0/27"));
        var cubot = "Mozilla/5.0 (Linux; Android 12; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 " +
            "Mobile Safari/537.36";

        Assert.Equal(
            new AgentVerdict(AgentClasses.PrivacyRelay, "ip:172.224.226.0/27"),
            classifier.Classify(cubot, null, IPAddress.Parse("172.224.226.9")));
        Assert.Equal(
            new AgentVerdict(AgentClasses.Human, "ua:CUBOT"),
            classifier.Classify(cubot, null, IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Rules_AddressRules_MatchInOrderAfterUserAgentRules()
    {
        var scanners = WriteFile("scanners.csv", "# scanner networks\n203.0.113.0/24,gateway\n");
        var classifier = Create(o =>
        {
            o.Rules.Add("monitoring ip:198.51.100.0/24");
            o.Rules.Add("monitoring ip:2001:db8::/32");
            o.Rules.Add($"scanner ip-file:{scanners}");
            o.Rules.Add("office ip:203.0.113.0/25");
        });

        Assert.Equal(
            new AgentVerdict("monitoring", "ip:198.51.100.0/24"),
            classifier.Classify(Chrome, null, IPAddress.Parse("198.51.100.20")));
        Assert.Equal(
            new AgentVerdict("monitoring", "ip:2001:db8::/32"),
            classifier.Classify(Chrome, null, IPAddress.Parse("2001:db8::1")));
        Assert.Equal(
            new AgentVerdict(AgentClasses.Scanner, "ip:203.0.113.0/24"),
            classifier.Classify(Chrome, null, IPAddress.Parse("203.0.113.5")));
        Assert.Equal(
            new AgentVerdict(AgentClasses.NonBrowser, "ua:^curl*"),
            classifier.Classify("curl/8.5.0", null, IPAddress.Parse("198.51.100.20")));
        Assert.Equal(
            new AgentVerdict(AgentClasses.Human, null),
            classifier.Classify(Chrome, null, IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public void Rules_OverrideABuiltInRule_WinBecauseTheyComeFirst()
    {
        var classifier = Create(o => o.Rules.Add("internal ua:curl*"));

        Assert.Equal(new AgentVerdict("internal", "ua:curl*"), classifier.Classify("curl/8.5.0"));
        Assert.Equal(
            new AgentVerdict(AgentClasses.NonBrowser, "ua:python-requests"),
            classifier.Classify("python-requests/2.31.0"));
    }

    [Fact]
    public void DisabledRules_NamedRule_NoLongerDecides()
    {
        var classifier = Create(o => o.DisabledRules.Add("ua:^Java/"));

        Assert.Equal(
            new AgentVerdict(AgentClasses.NonBrowser, "ua-no-platform"),
            classifier.Classify("Java/1.8.0_392"));
        Assert.Equal(
            new AgentVerdict(AgentClasses.Human, null),
            Create(o => o.DisabledRules.Add("ua-no-platform")).Classify("Sleipnir/2.9.9"));
    }

    [Fact]
    public void RulesFile_IncludeBuiltInAndDisable_ExtendsTheBuiltInRules()
    {
        var rules = WriteFile("rules.txt", "scanner ua:MyScanner\ninclude built-in\ndisable ua:python-requests\n");
        var classifier = Create(o => o.RulesFile = rules);

        Assert.Equal(
            new AgentVerdict(AgentClasses.Scanner, "ua:MyScanner"),
            classifier.Classify("curl/8.5.0 MyScanner/1.0"));
        Assert.Equal(
            new AgentVerdict(AgentClasses.NonBrowser, "ua-no-platform"),
            classifier.Classify("python-requests/2.31.0"));
        Assert.Equal(
            AgentClasses.Crawler,
            classifier.Classify("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)").Class);
    }

    [Fact]
    public void AddAgentClassification_RelayRangesFile_FlagsTheResolvedAddressAndKeepsTheRecord()
    {
        var ranges =
            WriteFile("ranges.csv", "172.224.226.0/27,GB,GB-EN,London,\n2a02:26f7:b3c0:4000::/64,GB,GB-EN,London,\n");
        var browser = new Dictionary<string, string>
        {
            ["User-Agent"] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
        };

        var lines = string.Concat(
            Some.RecordOf(
                Some.Request(headers: browser, peer: "172.224.226.9"),
                b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)),
            Some.RecordOf(
                Some.Request(headers: browser, peer: "2a02:26f7:b3c0:4000::77"),
                b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)),
            Some.RecordOf(
                Some.Request(headers: browser, peer: "172.224.226.40"),
                b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)));

        Assert.Equal(
            """
            {"agentClass":"privacy-relay","agentRule":"ip:172.224.226.0/27"}
            {"agentClass":"privacy-relay","agentRule":"ip:2a02:26f7:b3c0:4000::/64"}
            {"agentClass":"human","agentRule":null}

            """.ReplaceLineEndings("\n"),
            lines);
    }

    [Fact]
    public void AddAgentClassification_DiscardClasses_DropsOnlyThoseRecords()
    {
        var publisher = new CollectingPublisher();
        using var services = Some.Services(
            b => b.AddAgentClassification(o => o.DiscardClasses.Add(AgentClasses.NonBrowser)),
            publisher: publisher);
        var pipeline = services.GetRequiredService<TrackingPixel.PixelPipeline>();

        Assert.Null(pipeline.Collect(Some.Request(headers: new() { ["User-Agent"] = "curl/8.5.0" })));
        using var kept = pipeline.Collect(Some.Request(headers: new() { ["User-Agent"] = "YahooMailProxy" }));

        Assert.NotNull(kept);
        Assert.Equal(1, pipeline.Metrics.RecordsDiscarded);
    }

    [Fact]
    public void AddAgentClassification_CustomRulesFile_ReplacesTheBuiltInRules()
    {
        var rules = WriteFile("rules.txt", "scanner ua:MyScanner\n");

        var line = Some.RecordOf(
            Some.Request(headers: new() { ["User-Agent"] = "curl/8.5.0 MyScanner/1.0" }),
            b => b.AddAgentClassification(o => o.RulesFile = rules));
        var curl = Some.RecordOf(
            Some.Request(headers: new() { ["User-Agent"] = "curl/8.5.0" }),
            b => b.AddAgentClassification(o => o.RulesFile = rules));

        Assert.Equal("""{"agentClass":"scanner","agentRule":"ua:MyScanner"}""" + "\n", line);
        Assert.Equal("""{"agentClass":"human","agentRule":null}""" + "\n", curl);
    }

    [Fact]
    public void AddAgentClassification_ResolvesTheSameClassifierAsIAgentClassifier()
    {
        using var services = Some.Services(b => b.AddAgentClassification(o => o.Rules.Add("office ua:OfficeTool")));

        Assert.Equal(
            new AgentVerdict("office", "ua:OfficeTool"),
            services.GetRequiredService<IAgentClassifier>().Classify("OfficeTool/1.0"));
    }

    [Theory]
    [InlineData("192.0.2.0/24\n192.0.2.0/40\n", "line 2:")]
    [InlineData("not a range\n", "line 1:")]
    public void AddAgentClassification_BadRangesFile_FailsAtStartWithFileAndLine(string text, string line)
    {
        var ranges = WriteFile("ranges.csv", text);
        using var services = Some.Services(b => b.AddAgentClassification(o => o.RelayRangesFile = ranges));

        var error =
            Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TrackingPixel.PixelPipeline>());
        Assert.Contains($"{ranges} {line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentClassification_BadRuleOrUnknownDisabledRule_FailsAtStart()
    {
        using var badRule = Some.Services(b => b.AddAgentClassification(o => o.Rules.Add("crawler ua:b*t")));
        using var unknown = Some.Services(b => b.AddAgentClassification(o => o.DisabledRules.Add("ua:Nope")));

        var badRuleError =
            Assert.Throws<OptionsValidationException>(() => badRule.GetRequiredService<TrackingPixel.PixelPipeline>());
        var unknownError =
            Assert.Throws<OptionsValidationException>(() => unknown.GetRequiredService<TrackingPixel.PixelPipeline>());
        Assert.Contains("AgentClassification.Rules line 1:", badRuleError.Message, StringComparison.Ordinal);
        Assert.Contains("disables 'ua:Nope'", unknownError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentClassification_MissingFileOrBadClass_FailsAtStart()
    {
        using var services = Some.Services(b => b.AddAgentClassification(o =>
        {
            o.RulesFile = Path.Combine(_folder, "absent.txt");
            o.DiscardClasses.Add("Bots!");
        }));

        var error =
            Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<TrackingPixel.PixelPipeline>());
        Assert.Contains("absent.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("DiscardClasses has 'Bots!'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentClassification_AddedTwice_AddsOneExtractor()
    {
        using var services = Some.Services(b => b.AddAgentClassification().AddAgentClassification());

        Assert.Single(services.GetServices<IFieldExtractor>());
    }

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(
            () => TrackingPixelBuilderAgentClassificationExtensions.AddAgentClassification(null!));
        Assert.Throws<ArgumentNullException>(() => AgentClassifiers.Create(null!));
    }

    private static IAgentClassifier Create(Action<AgentClassificationOptions>? configure = null)
    {
        var options = new AgentClassificationOptions();
        configure?.Invoke(options);
        return AgentClassifiers.Create(options);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
