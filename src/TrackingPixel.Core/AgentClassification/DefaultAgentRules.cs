namespace TrackingPixel;

/// <summary>The built-in rule file, <c>DefaultAgentRules.txt</c>, embedded in the assembly.</summary>
/// <remarks>
/// A text file rather than C# so it reads as the rule files users write, and can be copied as the start of one.
/// Manifest resources survive trimming and native AOT. docs/privacy.md says where the rules come from.
/// </remarks>
internal static class DefaultAgentRules
{
    public const string Source = "built-in agent rules";

    private static readonly Lazy<string> LazyText = new(() =>
    {
        using var stream = typeof(DefaultAgentRules).Assembly.GetManifestResourceStream(
            "TrackingPixel.AgentClassification.DefaultAgentRules.txt")
            ?? throw new InvalidOperationException("The built-in agent rules are missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string Text => LazyText.Value;
}
