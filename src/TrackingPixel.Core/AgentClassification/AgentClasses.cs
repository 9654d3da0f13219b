namespace TrackingPixel;

/// <summary>The <c>agentClass</c> values of the built-in rules; rule files may define their own.</summary>
/// <remarks>
/// Every class but <see cref="Human"/> is a flag, not a verdict to drop: records are kept unless listed in
/// <see cref="AgentClassificationOptions.DiscardClasses"/>.
/// </remarks>
public static class AgentClasses
{
    /// <summary>
    /// No rule matched (or an allow rule did): most likely a person's browser, in-app browser or mail client.
    /// </summary>
    public const string Human = "human";

    /// <summary>
    /// A mail provider's image proxy fetched the pixel, such as Gmail's or Yahoo's; <c>agentRule</c> names the
    /// provider. It may or may not follow a person opening the mail.
    /// </summary>
    public const string MailProxy = "mail-proxy";

    /// <summary>
    /// The address belongs to a privacy relay, such as the one Apple Mail Privacy Protection pre-fetches every image
    /// through.
    /// </summary>
    public const string PrivacyRelay = "privacy-relay";

    /// <summary>
    /// A mail gateway or security scanner fetched the pixel or link, typically seconds after delivery.
    /// </summary>
    public const string Scanner = "scanner";

    /// <summary>
    /// A chat, social or office app fetched the URL to show a preview of it, not because someone opened it.
    /// </summary>
    public const string LinkPreview = "link-preview";

    /// <summary>A search, ads, SEO, feed or archive crawler.</summary>
    public const string Crawler = "crawler";

    /// <summary>An AI assistant's fetcher or an AI training crawler, such as ChatGPT-User or GPTBot.</summary>
    public const string AiFetcher = "ai-fetcher";

    /// <summary>An uptime, performance or link-checking monitor.</summary>
    public const string Monitoring = "monitoring";

    /// <summary>A headless or automated browser, such as HeadlessChrome, Puppeteer or Selenium.</summary>
    public const string Automation = "automation";

    /// <summary>A browser speculatively fetched the pixel (prefetch or preview) without the page being shown.</summary>
    public const string Prefetch = "prefetch";

    /// <summary>
    /// Not a browser, but nothing more specific: an HTTP library, a tool, a request with no user agent, or one naming
    /// no platform.
    /// </summary>
    public const string NonBrowser = "non-browser";
}
