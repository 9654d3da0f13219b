namespace TrackingPixel;

/// <summary>
/// Configures machine-open classification: which rules apply and which classes, if any, are not recorded.
/// </summary>
/// <remarks>
/// Requests are flagged, never dropped, unless a class is listed in <see cref="DiscardClasses"/>. Rules are checked
/// in order, <see cref="Rules"/> first, then <see cref="RulesFile"/> or the built-in rules; the first that matches
/// decides. Files are read once, at start-up; a file or rule that cannot be read or parsed fails start-up with the
/// file name (or option) and line.
/// </remarks>
public sealed class AgentClassificationOptions
{
    /// <summary>Gets rule lines checked before the rule file or the built-in rules, in the rule file format.</summary>
    /// <value>
    /// Empty by default. Use it to add or override a few rules in configuration, such as
    /// <c>monitoring ip:198.51.100.0/24</c>.
    /// </value>
    public IList<string> Rules { get; } = new List<string>();

    /// <summary>
    /// Gets the names of rules not to apply, written as the rule is, such as <c>ua:Java/</c> or <c>ua-no-platform</c>.
    /// </summary>
    /// <value>Empty by default. A name no rule has fails start-up, so a typo does not silently keep the rule.</value>
    public IList<string> DisabledRules { get; } = new List<string>();

    /// <summary>Gets or sets the path of a rule file used instead of the built-in rules.</summary>
    /// <value>
    /// <see langword="null"/> (default) uses the built-in rules. One <c>CLASS RULE</c> per line, <c>#</c> starts a
    /// comment, the first matching line wins. Rules: <c>ua:TOKEN</c> (the user agent has TOKEN, ignoring case; a
    /// letter or digit at either end must meet a word boundary unless that end is <c>*</c>, and <c>^</c> anchors
    /// the token at the start), <c>ua-case:TOKEN</c> (the same, matching case), <c>ua-absent</c> (no or blank user
    /// agent), <c>ua-no-platform</c> (the user agent has none of the <c>platform</c> lines' tokens),
    /// <c>header:NAME=TEXT</c> (the header contains TEXT, ignoring case), <c>ip:CIDR</c> and <c>ip-file:PATH</c>
    /// (the client address is in the range, or in a range file relative to this file). The class <c>platform</c>
    /// declares a token showing an operating system, device or engine; class <c>human</c> is an allow rule.
    /// Directives: <c>include built-in</c> puts the built-in rules at that line, <c>disable RULE</c> removes one.
    /// </value>
    public string? RulesFile { get; set; }

    /// <summary>
    /// Gets or sets the path of a file of privacy-relay address ranges, such as Apple's <c>egress-ip-ranges.csv</c>.
    /// </summary>
    /// <value>
    /// <see langword="null"/> (default) uses the built-in file, which has no ranges: download Apple's list to detect
    /// its relay. One IPv4 or IPv6 CIDR (or single address) per line, optionally followed by comma-separated columns,
    /// which are ignored; <c>#</c> starts a comment. Checked after every other rule.
    /// </value>
    public string? RelayRangesFile { get; set; }

    /// <summary>Gets or sets the class an address in the relay ranges gets.</summary>
    /// <value>Defaults to <see cref="AgentClasses.PrivacyRelay"/>.</value>
    public string RelayClass { get; set; } = AgentClasses.PrivacyRelay;

    /// <summary>Gets the classes whose requests produce no record; the pixel is still served.</summary>
    /// <value>Empty by default: every request is recorded and flagged.</value>
    public IList<string> DiscardClasses { get; } = new List<string>();
}
