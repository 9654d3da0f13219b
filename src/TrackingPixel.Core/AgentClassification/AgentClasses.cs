namespace TrackingPixel;

/// <summary>The <c>agentClass</c> values of the built-in rules; rule files may define their own.</summary>
public static class AgentClasses
{
    /// <summary>No rule matched: most likely a person's browser or mail client.</summary>
    public const string Human = "human";

    /// <summary>A mail provider's image proxy fetched the pixel, such as Gmail's or Yahoo's; it may or may not follow a person opening the mail.</summary>
    public const string MailProxy = "mail-proxy";

    /// <summary>The address belongs to a privacy relay, such as the one Apple Mail Privacy Protection pre-fetches every image through.</summary>
    public const string PrivacyRelay = "privacy-relay";

    /// <summary>A security scanner fetched the pixel, typically seconds after delivery.</summary>
    public const string Scanner = "scanner";

    /// <summary>A crawler, headless browser, HTTP library or a request with no user agent at all.</summary>
    public const string Bot = "bot";

    /// <summary>A browser speculatively fetched the pixel (prefetch or preview) without the page being shown.</summary>
    public const string Prefetch = "prefetch";
}
