namespace TrackingPixel;

/// <summary>
/// Reads the rule file format, one <c>CLASS RULE</c> line each; see <see cref="AgentClassificationOptions.RulesFile"/>.
/// </summary>
internal static class AgentRuleParser
{
    /// <summary>The reserved class of lines whose token shows an operating system, device or browser engine.</summary>
    public const string PlatformClass = "platform";

    private const string Expected =
        "write CLASS then ua:TOKEN, ua-case:TOKEN, ua-absent, ua-no-platform, header:NAME=TEXT, ip:CIDR or " +
        "ip-file:PATH, or a directive: disable RULE, include built-in.";

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
                throw new FormatException(
                    $"{source} line {number}: the class must be " +
                    "lower-case letters, digits and '-', such as mail-proxy.");
            }

            rules.Add(ParseRule(agentClass, rule) ?? throw new FormatException($"{source} line {number}: {Expected}"));
        }

        return rules;
    }

    internal static string StripComment(string line)
    {
        var hash = line.IndexOf('#', StringComparison.Ordinal);
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    internal static bool IsClassName(string? name) =>
        name is { Length: > 0 and <= 32 } && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static AgentRule? ParseRule(string agentClass, string rule)
    {
        switch (agentClass)
        {
            case "disable":
                return rule.Length > 0 ? new AgentRule(agentClass, rule, AgentRuleKind.Disable, rule) : null;
            case "include":
                return rule == "built-in" ? new AgentRule(agentClass, rule, AgentRuleKind.IncludeBuiltIn) : null;
            case PlatformClass when !rule.StartsWith("ua:", StringComparison.Ordinal)
                && !rule.StartsWith("ua-case:", StringComparison.Ordinal):
                return null;
        }

        return rule switch
        {
            "ua-absent" => new AgentRule(agentClass, rule, AgentRuleKind.UserAgentAbsent),
            "ua-no-platform" => new AgentRule(agentClass, rule, AgentRuleKind.NoPlatform),
            _ when After(rule, "ua:") is { } token => UserAgent(agentClass, rule, token, matchCase: false),
            _ when After(rule, "ua-case:") is { } token => UserAgent(agentClass, rule, token, matchCase: true),
            _ when After(rule, "header:") is { } header => Header(agentClass, rule, header),
            _ when After(rule, "ip:") is { } cidr && AddressRangeParser.TryParse(cidr, out _, out _) =>
                new AgentRule(agentClass, rule, AgentRuleKind.Address, cidr),
            _ when After(rule, "ip-file:") is { } path =>
                new AgentRule(agentClass, rule, AgentRuleKind.AddressFile, path),
            _ => null,
        };
    }

    private static string? After(string rule, string prefix) =>
        rule.Length > prefix.Length && rule.StartsWith(prefix, StringComparison.Ordinal) ? rule[prefix.Length..] : null;

    private static AgentRule? UserAgent(string agentClass, string rule, string token, bool matchCase) =>
        TokenPattern.Parse(token, matchCase) is { } pattern
            ? new AgentRule(agentClass, rule, AgentRuleKind.UserAgent, Token: pattern)
            : null;

    private static AgentRule? Header(string agentClass, string rule, string header)
    {
        var equals = header.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? header[..equals] : string.Empty;
        return name.Length > 0 && equals < header.Length - 1 && !name.Any(c => c <= ' ' || c == ':')
            ? new AgentRule(agentClass, rule, AgentRuleKind.Header, name, header[(equals + 1)..])
            : null;
    }
}
