using System.Text;

namespace TrackingPixel;

/// <summary>
/// Builds an <see cref="AgentClassifier"/> from the options' rules, the rule file or the built-in rules, and the range
/// files.
/// </summary>
internal static class AgentClassifierLoader
{
    /// <exception cref="FormatException">
    /// A line is not a rule or a range, or a disabled rule does not exist; the message says where.
    /// </exception>
    /// <exception cref="IOException">A file could not be read.</exception>
    public static AgentClassifier Load(AgentClassificationOptions options)
    {
        // Order is precedence: the options' own rules override the file's, and the file decides where built-ins go.
        var rules = AgentRuleParser.Parse(string.Join('\n', options.Rules), "AgentClassification.Rules");
        var folder = Directory.GetCurrentDirectory();
        if (options.RulesFile is { } rulesFile)
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(rulesFile)) ?? folder;
            var fileRules = AgentRuleParser.Parse(File.ReadAllText(rulesFile), rulesFile);
            rules.AddRange(fileRules.SelectMany(r => r.Kind == AgentRuleKind.IncludeBuiltIn ? BuiltIn() : [r]));
        }
        else
        {
            rules.AddRange(BuiltIn());
        }

        var disabled = rules.Where(r => r.Kind == AgentRuleKind.Disable)
            .Select(r => r.Argument).Concat(options.DisabledRules).ToHashSet(StringComparer.Ordinal);
        var unknown = disabled.FirstOrDefault(name =>
            !rules.Any(r => r.Kind != AgentRuleKind.Disable && r.Name == name));
        if (unknown is not null)
        {
            throw new FormatException(
                $"AgentClassification disables '{unknown}', which no rule has; " +
                "write it as the rule is written, such as ua:Java/.");
        }

        var applied = rules.Where(r => r.Kind != AgentRuleKind.Disable && !disabled.Contains(r.Name)).ToList();
        var addresses = AddressRules(applied, folder);
        addresses.Add((options.RelayClass, RelayRanges(options.RelayRangesFile)));
        return new AgentClassifier(applied, addresses);
    }

    private static List<AgentRule> BuiltIn() => AgentRuleParser.Parse(DefaultAgentRules.Text, DefaultAgentRules.Source);

    /// <summary>
    /// Turns address rules into range sets, merging consecutive <c>ip:</c> lines of one class into one set.
    /// </summary>
    private static List<(string Class, AddressRangeSet Ranges)> AddressRules(List<AgentRule> rules, string folder)
    {
        var result = new List<(string, AddressRangeSet)>();
        var inline = new StringBuilder();
        string? inlineClass = null;
        foreach (var rule in rules.Where(r => r.Kind is AgentRuleKind.Address or AgentRuleKind.AddressFile))
        {
            if (inlineClass is not null && (rule.Kind != AgentRuleKind.Address || rule.Class != inlineClass))
            {
                result.Add((inlineClass, AddressRangeParser.Parse(new StringReader(inline.ToString()), "ip: rules")));
                inline.Clear();
                inlineClass = null;
            }

            if (rule.Kind == AgentRuleKind.Address)
            {
                inline.Append(rule.Argument).Append('\n');
                inlineClass = rule.Class;
                continue;
            }

            var path = Path.Combine(folder, rule.Argument);
            using var reader = File.OpenText(path);
            result.Add((rule.Class, AddressRangeParser.Parse(reader, path)));
        }

        if (inlineClass is not null)
        {
            result.Add((inlineClass, AddressRangeParser.Parse(new StringReader(inline.ToString()), "ip: rules")));
        }

        return result;
    }

    private static AddressRangeSet RelayRanges(string? path)
    {
        using var reader = path is null ? new StringReader(DefaultRelayRanges.Text) : (TextReader)File.OpenText(path);
        return AddressRangeParser.Parse(reader, path ?? DefaultRelayRanges.Source);
    }
}
