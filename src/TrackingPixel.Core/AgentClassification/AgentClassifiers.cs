namespace TrackingPixel;

/// <summary>
/// Builds agent classifiers outside a host, to classify logged or sample traffic with the production rules.
/// </summary>
public static class AgentClassifiers
{
    /// <summary>Builds a classifier from <paramref name="options"/>, reading its rule and range files now.</summary>
    /// <param name="options">
    /// The rules, files and overrides; the same options <c>AddAgentClassification</c> takes.
    /// </param>
    /// <returns>An immutable, thread-safe classifier.</returns>
    /// <exception cref="FormatException">
    /// A rule or range does not parse; the message names the file or option and line.
    /// </exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static IAgentClassifier Create(AgentClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AgentClassifierLoader.Load(options);
    }
}
