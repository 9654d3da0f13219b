namespace TrackingPixel;

/// <summary>Builds an <see cref="AgentClassifier"/> from the configured rule and range files, or the built-in ones.</summary>
internal static class AgentClassifierLoader
{
    /// <exception cref="FormatException">A file has a line that is not a rule or a range; the message names the file and line.</exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static AgentClassifier Load(AgentClassificationOptions options)
    {
        var rules = options.RulesFile is { } rulesFile
            ? AgentRuleParser.Parse(File.ReadAllText(rulesFile), rulesFile)
            : AgentRuleParser.Parse(DefaultAgentRules.Text, DefaultAgentRules.Source);

        AddressRangeSet ranges;
        if (options.RelayRangesFile is { } rangesFile)
        {
            using var reader = File.OpenText(rangesFile);
            ranges = AddressRangeParser.Parse(reader, rangesFile);
        }
        else
        {
            using var reader = new StringReader(DefaultRelayRanges.Text);
            ranges = AddressRangeParser.Parse(reader, DefaultRelayRanges.Source);
        }

        return new AgentClassifier(rules, ranges, options.RelayClass);
    }
}
