namespace TrackingPixel.Tests.AgentClassification.Support;

/// <summary>Reads the vendored user-agent corpora (see Corpora/README.md) copied beside the test assembly.</summary>
public static class Corpus
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "AgentClassification", "Corpora");

    public static IReadOnlyList<string> Crawlers { get; } = Lines("crawlers.txt");

    public static IReadOnlyList<string> Browsers { get; } = Lines("browsers.txt");

    public static IReadOnlyList<string> InApp { get; } = Lines("in-app.txt");

    /// <summary>
    /// Gets the agents of named-agents.tsv: expected class, expected rule (null for none) and user agent.
    /// </summary>
    public static IReadOnlyList<(string Class, string? Rule, string UserAgent)> NamedAgents { get; } =
        [.. Lines("named-agents.tsv").Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).Select(
            f => (f[0], f[1] == "-" ? null : f[1], f[2]))];

    private static string[] Lines(string name) =>
        [.. File.ReadAllLines(Path.Combine(Folder, name)).Where(l => l.Length > 0)];
}
