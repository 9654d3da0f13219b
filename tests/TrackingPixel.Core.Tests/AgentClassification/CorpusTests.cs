using TrackingPixel.Tests.AgentClassification.Support;
using Xunit.Abstractions;

namespace TrackingPixel.Tests.AgentClassification;

/// <summary>
/// Measures the built-in rules on the vendored corpora: the figures docs/privacy.md quotes come from here.
/// </summary>
/// <remarks>
/// Reproduce with
/// <c>dotnet test tests/TrackingPixel.Core.Tests --filter CorpusTests --logger "console;verbosity=detailed"</c>.
/// </remarks>
public class CorpusTests(ITestOutputHelper output)
{
    private static readonly IAgentClassifier Classifier = AgentClassifiers.Create(new AgentClassificationOptions());

    [Fact]
    public void Classify_CrawlerCorpus_FlagsAtLeast95Percent()
    {
        var missed = Corpus.Crawlers.Where(ua => Classifier.Classify(ua).Class == AgentClasses.Human).ToList();
        var recall = 1.0 - ((double)missed.Count / Corpus.Crawlers.Count);

        output.WriteLine(
            $"recall {recall:P2}: {Corpus.Crawlers.Count - missed.Count} of {Corpus.Crawlers.Count} " +
            "crawler user agents flagged");
        var groups = Corpus.Crawlers.Select(ua => Classifier.Classify(ua).Class)
            .GroupBy(c => c).OrderByDescending(g => g.Count());
        foreach (var group in groups)
        {
            output.WriteLine($"  {group.Key}: {group.Count()}");
        }

        Assert.True(recall >= 0.95, $"recall {recall:P2}; missed, for example: {string.Join(" | ", missed.Take(20))}");
    }

    [Theory]
    [InlineData("browsers")]
    [InlineData("in-app")]
    public void Classify_BrowserCorpora_FlagsAtMostOneIn2000(string corpus)
    {
        var userAgents = corpus == "browsers" ? Corpus.Browsers : Corpus.InApp;
        var flagged = userAgents.Select(ua => (ua, Verdict: Classifier.Classify(ua)))
            .Where(x => x.Verdict.Class != AgentClasses.Human).ToList();
        var rate = (double)flagged.Count / userAgents.Count;

        output.WriteLine($"{corpus}: false positives {rate:P3}, {flagged.Count} of {userAgents.Count}");
        foreach (var (ua, verdict) in flagged)
        {
            output.WriteLine($"  {verdict.Class} {verdict.Rule}: {ua}");
        }

        Assert.True(
            rate <= 0.0005,
            $"{corpus}: {flagged.Count} flagged: " +
            $"{string.Join(" | ", flagged.Select(f => $"{f.Verdict.Rule} {f.ua}"))}");
    }

    [Fact]
    public void Classify_NamedAgents_GetTheirClassAndRule()
    {
        var wrong = Corpus.NamedAgents
            .Select(a => (a, Verdict: Classifier.Classify(a.UserAgent)))
            .Where(x => x.Verdict != new AgentVerdict(x.a.Class, x.a.Rule))
            .Select(x => $"{x.a.UserAgent}: expected {x.a.Class} {x.a.Rule}, got {x.Verdict.Class} {x.Verdict.Rule}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void BuiltInRules_EachDecidesSomeCorpusUserAgent()
    {
        // A rule that decides nothing is dead: shadowed by an earlier one, or a token no agent sends.
        var decided = Corpus.Crawlers.Concat(Corpus.Browsers).Concat(Corpus.InApp)
            .Concat(Corpus.NamedAgents.Select(a => a.UserAgent))
            .Select(ua => Classifier.Classify(ua).Rule).ToHashSet();
        var userAgentRules = AgentRuleParser.Parse(DefaultAgentRules.Text, DefaultAgentRules.Source)
            .Where(r => (r.Kind is AgentRuleKind.UserAgent or AgentRuleKind.NoPlatform)
                && r.Class != AgentRuleParser.PlatformClass)
            .Select(r => r.Name).ToList();

        var dead = userAgentRules.Where(name => !decided.Contains(name)).ToList();
        Assert.True(dead.Count == 0, $"rules that decide nothing: {string.Join(", ", dead)}");
        Assert.Equal(userAgentRules.Count, userAgentRules.Distinct().Count());
    }
}
