using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.AgentClassification;

public sealed class AgentClassificationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trackingpixel-classification-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)", "mail-proxy", "ua:GoogleImageProxy")]
    [InlineData("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html", "mail-proxy", "ua:YahooMailProxy")]
    [InlineData("Mozilla/5.0 (compatible; Barracuda Sentinel)", "scanner", "ua:Barracuda")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36", "bot", "ua:HeadlessChrome")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)", "bot", "ua:bot/")]
    [InlineData("curl/8.5.0", "bot", "ua:curl/")]
    [InlineData("python-requests/2.31.0", "bot", "ua:python-requests/")]
    [InlineData("Mozilla/5.0 (Linux; Android 12; CUBOT X30) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", "human", null)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", "human", null)]
    public void Classify_UserAgent_NamesClassAndRule(string userAgent, string expectedClass, string? expectedRule)
    {
        var classifier = AgentClassifierLoader.Load(new AgentClassificationOptions());

        var agentClass = classifier.Classify(Some.Request(headers: new() { ["User-Agent"] = userAgent }), null, out var rule);

        Assert.Equal(expectedClass, agentClass);
        Assert.Equal(expectedRule, rule);
    }

    [Theory]
    [InlineData("Sec-Purpose", "prefetch;prerender", "header:Sec-Purpose=prefetch")]
    [InlineData("Purpose", "prefetch", "header:Purpose=prefetch")]
    [InlineData("X-Moz", "Prefetch", "header:X-Moz=prefetch")]
    [InlineData("X-Purpose", "preview", "header:X-Purpose=preview")]
    public void Classify_PrefetchHeader_IsPrefetch(string header, string value, string expectedRule)
    {
        var classifier = AgentClassifierLoader.Load(new AgentClassificationOptions());
        var request = Some.Request(headers: new() { ["User-Agent"] = "Mozilla/5.0 Firefox/125.0", [header] = value });

        Assert.Equal(AgentClasses.Prefetch, classifier.Classify(request, null, out var rule));
        Assert.Equal(expectedRule, rule);
    }

    [Fact]
    public void Classify_NoUserAgent_IsBot()
    {
        var classifier = AgentClassifierLoader.Load(new AgentClassificationOptions());

        Assert.Equal(AgentClasses.Bot, classifier.Classify(Some.Request(), null, out var rule));
        Assert.Equal("ua-absent", rule);
    }

    [Fact]
    public void AddAgentClassification_RelayRangesFile_FlagsTheResolvedAddressAndKeepsTheRecord()
    {
        var ranges = WriteFile("ranges.csv", "172.224.226.0/27,GB,GB-EN,London,\n2a02:26f7:b3c0:4000::/64,GB,GB-EN,London,\n");
        var browser = new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)" };

        var lines = string.Concat(
            Some.RecordOf(Some.Request(headers: browser, peer: "172.224.226.9"), b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)),
            Some.RecordOf(Some.Request(headers: browser, peer: "2a02:26f7:b3c0:4000::77"), b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)),
            Some.RecordOf(Some.Request(headers: browser, peer: "172.224.226.40"), b => b.AddAgentClassification(o => o.RelayRangesFile = ranges)));

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
        using var services = Some.Services(b => b.AddAgentClassification(o => o.DiscardClasses.Add(AgentClasses.Bot)), publisher: publisher);
        var pipeline = services.GetRequiredService<PixelPipeline>();

        Assert.Null(pipeline.Collect(Some.Request(headers: new() { ["User-Agent"] = "curl/8.5.0" })));
        using var kept = pipeline.Collect(Some.Request(headers: new() { ["User-Agent"] = "YahooMailProxy" }));

        Assert.NotNull(kept);
        Assert.Equal(1, pipeline.Metrics.RecordsDiscarded);
    }

    [Fact]
    public void AddAgentClassification_CustomRulesFile_ReplacesTheBuiltInRules()
    {
        var rules = WriteFile("rules.txt", "scanner ua:MyScanner\n");

        var line = Some.RecordOf(Some.Request(headers: new() { ["User-Agent"] = "curl/8.5.0 MyScanner/1.0" }), b => b.AddAgentClassification(o => o.RulesFile = rules));

        Assert.Equal("""{"agentClass":"scanner","agentRule":"ua:MyScanner"}""" + "\n", line);
    }

    [Fact]
    public void AddAgentClassification_BadRangesFile_FailsAtStartWithFileAndLine()
    {
        var ranges = WriteFile("ranges.csv", "192.0.2.0/24\n192.0.2.0/40\n");
        using var services = Some.Services(b => b.AddAgentClassification(o => o.RelayRangesFile = ranges));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains($"{ranges} line 2:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentClassification_MissingFileOrBadClass_FailsAtStart()
    {
        using var services = Some.Services(b => b.AddAgentClassification(o =>
        {
            o.RulesFile = Path.Combine(_folder, "absent.txt");
            o.DiscardClasses.Add("Bots!");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<PixelPipeline>());
        Assert.Contains("absent.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("DiscardClasses has 'Bots!'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgentClassification_AddedTwice_AddsOneExtractor()
    {
        using var services = Some.Services(b => b.AddAgentClassification().AddAgentClassification());

        Assert.Single(services.GetServices<TrackingPixel.IFieldExtractor>());
    }

    [Fact]
    public void AddAgentClassification_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TrackingPixelBuilderAgentClassificationExtensions.AddAgentClassification(null!));
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
