#if NET9_0_OR_GREATER
using System.Buffers;
#endif
using System.Net;

namespace TrackingPixel;

/// <summary>Finds the first rule a request matches: user-agent and header rules in file order, then the relay ranges.</summary>
/// <remarks>
/// User-agent rules come first so a crawler that happens to run on a relay's network (Applebot runs on Apple's) is a
/// bot. Matching is ordinal and case-insensitive over a few dozen tokens; on .NET 9+ one vectorised
/// <c>SearchValues&lt;string&gt;</c> pass first rules out the common case of a browser matching none. No allocation
/// unless a relay range matches. Immutable, so thread-safe.
/// </remarks>
internal sealed class AgentClassifier
{
    private readonly AgentRule[] _userAgentRules;
    private readonly AgentRule[] _headerRules;
    private readonly AgentRule? _absentRule;
    private readonly AddressRangeSet _relayRanges;
    private readonly string _relayClass;
#if NET9_0_OR_GREATER
    private readonly SearchValues<string> _anyUserAgentToken;
#endif

    public AgentClassifier(IReadOnlyList<AgentRule> rules, AddressRangeSet relayRanges, string relayClass)
    {
        // Header rules are checked after user-agent rules: a named crawler is a bot even if it also sends Purpose.
        _userAgentRules = [.. rules.Where(r => r.Header == "User-Agent" && r.Token.Length > 0)];
        _headerRules = [.. rules.Where(r => r.Header != "User-Agent")];
        _absentRule = rules.FirstOrDefault(r => r.Header == "User-Agent" && r.Token.Length == 0);
        _relayRanges = relayRanges;
        _relayClass = relayClass;
#if NET9_0_OR_GREATER
        _anyUserAgentToken = SearchValues.Create([.. _userAgentRules.Select(r => r.Token)], StringComparison.OrdinalIgnoreCase);
#endif
    }

    public int RuleCount => _userAgentRules.Length + _headerRules.Length + (_absentRule is null ? 0 : 1);

    public int RelayRangeCount => _relayRanges.Count;

    /// <summary>Classifies a request; <paramref name="rule"/> is <see langword="null"/> when it looks human.</summary>
    public string Classify(PixelRequest request, IPAddress? address, out string? rule)
    {
        if (request.Headers.TryGetValue("User-Agent", out var userAgent) && !string.IsNullOrWhiteSpace(userAgent))
        {
            if (MatchUserAgent(userAgent) is { } matched)
            {
                rule = matched.Name;
                return matched.Class;
            }
        }
        else if (_absentRule is not null)
        {
            rule = _absentRule.Name;
            return _absentRule.Class;
        }

        foreach (var headerRule in _headerRules)
        {
            if (request.Headers.TryGetValue(headerRule.Header, out var value) && value.Contains(headerRule.Token, StringComparison.OrdinalIgnoreCase))
            {
                rule = headerRule.Name;
                return headerRule.Class;
            }
        }

        if (address is not null && _relayRanges.Match(address) is { } range)
        {
            rule = "ip:" + range;
            return _relayClass;
        }

        rule = null;
        return AgentClasses.Human;
    }

    private AgentRule? MatchUserAgent(string userAgent)
    {
#if NET9_0_OR_GREATER
        if (!userAgent.AsSpan().ContainsAny(_anyUserAgentToken))
        {
            return null;
        }
#endif
        foreach (var candidate in _userAgentRules)
        {
            if (userAgent.Contains(candidate.Token, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
