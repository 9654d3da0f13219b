namespace TrackingPixel;

/// <summary>What an <see cref="AgentRule"/> examines.</summary>
internal enum AgentRuleKind
{
    /// <summary><c>ua:TOKEN</c> or <c>ua-case:TOKEN</c>: the user agent has the token.</summary>
    UserAgent,

    /// <summary><c>ua-absent</c>: no user agent, or a blank one.</summary>
    UserAgentAbsent,

    /// <summary><c>ua-no-platform</c>: the user agent has none of the <c>platform</c> tokens.</summary>
    NoPlatform,

    /// <summary><c>header:NAME=TEXT</c>: the header contains the text, ignoring case.</summary>
    Header,

    /// <summary><c>ip:CIDR</c>: the client address is in the range.</summary>
    Address,

    /// <summary><c>ip-file:PATH</c>: the client address is in a range the file lists.</summary>
    AddressFile,

    /// <summary><c>disable RULE</c>: the named rule is not applied.</summary>
    Disable,

    /// <summary><c>include built-in</c>: the built-in rules go here.</summary>
    IncludeBuiltIn,
}
