using BenchmarkDotNet.Attributes;

namespace TrackingPixel.Benchmarks.AgentClassification;

/// <summary>
/// One classification with the built-in rules (about 380 user-agent rules and platform tokens), by kind of user agent.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private static readonly Dictionary<string, string> UserAgents = new()
    {
        ["chrome"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) " +
            "Chrome/124.0.0.0 Safari/537.36",
        ["ios-mail"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 " +
            "(KHTML, like Gecko) Mobile/15E148",
        ["gmail-proxy"] = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
        ["googlebot"] = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        ["tool"] = "SomeTool/1.0",
    };

    private IAgentClassifier _classifier = null!;
    private string _userAgent = null!;

    /// <summary>The kind of user agent classified.</summary>
    [Params("chrome", "ios-mail", "gmail-proxy", "googlebot", "tool")]
    public string Agent { get; set; } = "chrome";

    [GlobalSetup]
    public void Setup()
    {
        _classifier = AgentClassifiers.Create(new AgentClassificationOptions());
        _userAgent = UserAgents[Agent];
    }

    [Benchmark]
    public string Classify() => _classifier.Classify(_userAgent).Class;
}
