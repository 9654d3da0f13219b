namespace TrackingPixel;

/// <summary>Reads the rule file format: <c>CLASS ua:TOKEN</c>, <c>CLASS header:NAME=TOKEN</c> or <c>CLASS ua-absent</c>, one per line.</summary>
internal static class AgentRuleParser
{
    public static List<AgentRule> Parse(string text, string source)
    {
        var rules = new List<AgentRule>();
        var number = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            number++;
            var line = StripComment(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var agentClass = space > 0 ? line[..space] : line;
            var rule = space > 0 ? line[(space + 1)..].Trim() : string.Empty;
            if (!IsClassName(agentClass))
            {
                throw new FormatException($"{source} line {number}: the class must be lower-case letters, digits and '-', such as mail-proxy.");
            }

            rules.Add(ParseRule(agentClass, rule) ?? throw new FormatException(
                $"{source} line {number}: write the rule as ua:TOKEN, header:NAME=TOKEN or ua-absent after the class."));
        }

        return rules;
    }

    private static AgentRule? ParseRule(string agentClass, string rule)
    {
        if (rule == "ua-absent")
        {
            return new AgentRule(agentClass, rule, "User-Agent", string.Empty);
        }

        if (rule.StartsWith("ua:", StringComparison.Ordinal) && rule.Length > 3)
        {
            return new AgentRule(agentClass, rule, "User-Agent", rule[3..]);
        }

        if (rule.StartsWith("header:", StringComparison.Ordinal))
        {
            var equals = rule.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? rule["header:".Length..equals] : string.Empty;
            if (name.Length > 0 && equals < rule.Length - 1 && !name.Any(c => c <= ' ' || c == ':'))
            {
                return new AgentRule(agentClass, rule, name, rule[(equals + 1)..]);
            }
        }

        return null;
    }

    internal static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static bool IsClassName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
