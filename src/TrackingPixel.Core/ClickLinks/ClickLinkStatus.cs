namespace TrackingPixel;

/// <summary>The outcome of verifying a click link; only <see cref="Valid"/> may redirect to the link's
/// target.</summary>
public enum ClickLinkStatus
{
    /// <summary>The signature matches a verification key, the link has not expired and its target is an http(s)
    /// URL.</summary>
    Valid,

    /// <summary>The link lacks its target, key id or signature, or repeats one of them.</summary>
    Incomplete,

    /// <summary>The link names a key id that is not among the verification keys (retired, or never
    /// configured).</summary>
    UnknownKey,

    /// <summary>The signature does not match: the link was altered, or signed with another secret.</summary>
    BadSignature,

    /// <summary>The signature matches but the link's expiry has passed.</summary>
    Expired,

    /// <summary>The signature matches but the target is not an absolute http or https URL.</summary>
    InvalidTarget,
}
