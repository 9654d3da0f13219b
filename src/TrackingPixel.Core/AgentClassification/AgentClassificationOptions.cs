namespace TrackingPixel;

/// <summary>Configures machine-open classification: which rules apply and which classes, if any, are not recorded.</summary>
/// <remarks>
/// Requests are flagged, never dropped, unless a class is listed in <see cref="DiscardClasses"/>. Files are read once,
/// at start-up; a file that cannot be read or parsed fails start-up with the file name and line.
/// </remarks>
public sealed class AgentClassificationOptions
{
    /// <summary>Gets or sets the path of a rule file used instead of the built-in user-agent and header rules.</summary>
    /// <value>
    /// <see langword="null"/> (default) uses the built-in rules. One rule per line, <c>#</c> starts a comment:
    /// <c>CLASS ua:TOKEN</c> (user agent contains TOKEN, ignoring case), <c>CLASS header:NAME=TOKEN</c> (header contains
    /// TOKEN, ignoring case) or <c>CLASS ua-absent</c>. The first matching line wins.
    /// </value>
    public string? RulesFile { get; set; }

    /// <summary>Gets or sets the path of a file of privacy-relay address ranges, such as Apple's <c>egress-ip-ranges.csv</c>.</summary>
    /// <value>
    /// <see langword="null"/> (default) uses the built-in file, which has no ranges: download Apple's list to detect its
    /// relay. One IPv4 or IPv6 CIDR (or single address) per line, optionally followed by comma-separated columns, which
    /// are ignored; <c>#</c> starts a comment.
    /// </value>
    public string? RelayRangesFile { get; set; }

    /// <summary>Gets or sets the class an address in the relay ranges gets.</summary>
    /// <value>Defaults to <see cref="AgentClasses.PrivacyRelay"/>.</value>
    public string RelayClass { get; set; } = AgentClasses.PrivacyRelay;

    /// <summary>Gets the classes whose requests produce no record; the pixel is still served.</summary>
    /// <value>Empty by default: every request is recorded and flagged.</value>
    public IList<string> DiscardClasses { get; } = new List<string>();
}
