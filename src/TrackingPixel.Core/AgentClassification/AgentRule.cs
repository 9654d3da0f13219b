namespace TrackingPixel;

/// <summary>One user-agent or header rule: when it matches, the request gets <see cref="Class"/> and <see cref="Name"/>.</summary>
/// <param name="Class">The agent class, such as <c>mail-proxy</c>.</param>
/// <param name="Name">The rule as written in <c>agentRule</c>, such as <c>ua:GoogleImageProxy</c>.</param>
/// <param name="Header">The header examined: <c>User-Agent</c> for <c>ua:</c> rules.</param>
/// <param name="Token">The text the header must contain, ignoring case; empty for <c>ua-absent</c>, which matches a missing or blank user agent.</param>
internal sealed record AgentRule(string Class, string Name, string Header, string Token);
