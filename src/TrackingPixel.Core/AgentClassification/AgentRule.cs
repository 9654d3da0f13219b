namespace TrackingPixel;

/// <summary>
/// One line of a rule file: when it matches, the request gets <see cref="Class"/> and <see cref="Name"/>.
/// </summary>
/// <param name="Class">
/// The agent class, such as <c>mail-proxy</c>, or <see cref="AgentRuleParser.PlatformClass"/>.
/// </param>
/// <param name="Name">
/// The rule as written, and as <c>agentRule</c> records it, such as <c>ua:GoogleImageProxy</c>.
/// </param>
/// <param name="Kind">What the rule examines, or the directive it is.</param>
/// <param name="Argument">The header name, CIDR, file path or disabled rule name; otherwise empty.</param>
/// <param name="Text">The text a header rule looks for, ignoring case; otherwise empty.</param>
/// <param name="Token">The token of a user-agent rule.</param>
internal sealed record AgentRule(
    string Class, string Name, AgentRuleKind Kind, string Argument = "", string Text = "", TokenPattern? Token = null);
