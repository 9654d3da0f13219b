using System.Net;

namespace TrackingPixel;

/// <summary>
/// Finds the first rule a request matches: user-agent rules, then header rules, then address rules, each in file order.
/// </summary>
/// <remarks>
/// User-agent rules come first so a crawler that happens to run on a relay's network (Applebot runs on Apple's) is
/// named as what it is. A user-agent rule of class <c>human</c> (an allow rule, such as the CUBOT phone brand)
/// stops later user-agent rules but not header or address rules: a CUBOT phone behind a relay is still relayed.
/// All user-agent tokens are matched in one pass by <see cref="TokenAutomaton"/>. Immutable, so thread-safe.
/// </remarks>
internal sealed class AgentClassifier : IAgentClassifier
{
    private readonly AgentRule[] _userAgentRules;
    private readonly TokenAutomaton _automaton;
    private readonly int _noPlatformRule;
    private readonly AgentRule? _absentRule;
    private readonly AgentRule[] _headerRules;
    private readonly (string Class, AddressRangeSet Ranges)[] _addressRules;

    public AgentClassifier(
        IReadOnlyList<AgentRule> rules,
        IReadOnlyList<(string Class, AddressRangeSet Ranges)> addressRules)
    {
        _userAgentRules =
        [
            .. rules.Where(r => (r.Kind is AgentRuleKind.UserAgent or AgentRuleKind.NoPlatform)
                && r.Class != AgentRuleParser.PlatformClass),
        ];
        _noPlatformRule = Array.FindIndex(_userAgentRules, r => r.Kind == AgentRuleKind.NoPlatform);
        var tokens = _userAgentRules.Select((r, i) => (r.Token, Rule: i)).Where(t => t.Token is not null)
            .Concat(rules.Where(r => r.Class == AgentRuleParser.PlatformClass)
                .Select(r => (r.Token, Rule: TokenAutomaton.Platform)));
        _automaton = new TokenAutomaton([.. tokens.Select(t => (t.Token!, t.Rule))]);
        _absentRule = rules.FirstOrDefault(r => r.Kind == AgentRuleKind.UserAgentAbsent);
        _headerRules = [.. rules.Where(r => r.Kind == AgentRuleKind.Header)];
        _addressRules = [.. addressRules];
    }

    public int RuleCount =>
        _userAgentRules.Length + _headerRules.Length + _addressRules.Length + (_absentRule is null ? 0 : 1);

    public int StateCount => _automaton.StateCount;

    public AgentVerdict Classify(string? userAgent, RequestHeaders? headers = null, IPAddress? clientAddress = null)
    {
        string? allowRule = null;
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            if (_absentRule is not null)
            {
                return new AgentVerdict(_absentRule.Class, _absentRule.Name);
            }
        }
        else if (MatchUserAgent(userAgent) is { } matched)
        {
            if (matched.Class != AgentClasses.Human)
            {
                return new AgentVerdict(matched.Class, matched.Name);
            }

            allowRule = matched.Name;
        }

        if (headers is not null)
        {
            foreach (var headerRule in _headerRules)
            {
                if (headers.TryGetValue(headerRule.Argument, out var value)
                    && value.Contains(headerRule.Text, StringComparison.OrdinalIgnoreCase))
                {
                    return new AgentVerdict(headerRule.Class, headerRule.Name);
                }
            }
        }

        if (clientAddress is not null)
        {
            foreach (var (agentClass, ranges) in _addressRules)
            {
                if (ranges.Match(clientAddress) is { } range)
                {
                    return new AgentVerdict(agentClass, "ip:" + range);
                }
            }
        }

        return new AgentVerdict(AgentClasses.Human, allowRule);
    }

    private AgentRule? MatchUserAgent(string userAgent)
    {
        var index = _automaton.Match(userAgent, out var platform);
        if (_noPlatformRule >= 0 && !platform && (index < 0 || _noPlatformRule < index))
        {
            index = _noPlatformRule;
        }

        return index < 0 ? null : _userAgentRules[index];
    }
}
