using BenchmarkDotNet.Attributes;

namespace TrackingPixel.Benchmarks.AgentClassification;

/// <summary>
/// The mean classification time over a slice of the vendored corpora
/// (tests/TrackingPixel.Core.Tests/AgentClassification/Corpora), which mixes lengths and outcomes.
/// </summary>
[MemoryDiagnoser]
public class ClassifierCorpusBenchmarks
{
    private const int Sample = 1_000;

    private IAgentClassifier _classifier = null!;
    private static readonly string[] CorpusFiles = ["browsers.txt", "crawlers.txt", "in-app.txt"];
    private string[] _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = AgentClassifiers.Create(new AgentClassificationOptions());

        // Every n-th line of the three corpora, so the slice keeps their mix: mostly browsers, some crawlers and
        // in-app.
        var folder = Path.Combine(AppContext.BaseDirectory, "corpora");
        var all = CorpusFiles.SelectMany(f => File.ReadAllLines(Path.Combine(folder, f))).ToArray();
        _corpus = [.. all.Where((_, i) => i % (all.Length / Sample) == 0).Take(Sample)];
    }

    /// <summary>Classifies the slice; BenchmarkDotNet reports the mean per user agent.</summary>
    [Benchmark(OperationsPerInvoke = Sample)]
    public int ClassifyCorpusSlice()
    {
        var flagged = 0;
        foreach (var userAgent in _corpus)
        {
            flagged += _classifier.Classify(userAgent).Class == AgentClasses.Human ? 0 : 1;
        }

        return flagged;
    }
}
