namespace TrackingPixel;

/// <summary>The names of every field a built-in extractor writes: the one place to look a field name up.</summary>
/// <remarks>
/// The first five are the original aws-samples tracking pixel's, in its order and spelling; the rest are written only
/// by the extractors that name them, so a record holds them only when those are added.
/// </remarks>
public static class FieldNames
{
    /// <summary>The request time, ISO 8601 UTC with milliseconds.</summary>
    public const string Date = "date";

    /// <summary>The client address chosen by the client IP policy.</summary>
    public const string Ip = "ip";

    /// <summary>The <c>User-Agent</c> header.</summary>
    public const string UserAgent = "userAgent";

    /// <summary>The <c>userid</c> query parameter.</summary>
    public const string UserId = "userId";

    /// <summary>The <c>thirdpartyname</c> query parameter.</summary>
    public const string ThirdPartyId = "thirdPartyId";

    /// <summary>Lists the fields whose values were cut to fit the configured limits; present only when one
    /// was.</summary>
    public const string Truncated = "_truncated";

    /// <summary>A unique id per request, for de-duplicating at-least-once delivery downstream.</summary>
    public const string EventId = "eventId";

    /// <summary>
    /// The class of agent that fetched the pixel, one of <see cref="AgentClasses"/> or a class a rule file defines.
    /// </summary>
    public const string AgentClass = "agentClass";

    /// <summary>
    /// The rule that matched, such as <c>ua:GoogleImageProxy</c> or <c>ip:172.224.226.0/27</c>; JSON <c>null</c> for
    /// <c>human</c>.
    /// </summary>
    public const string AgentRule = "agentRule";

    /// <summary><see langword="true"/> when the request carried <c>Sec-GPC: 1</c> (Global Privacy Control).</summary>
    public const string Gpc = "gpc";

    /// <summary><see langword="true"/> when the request carried <c>DNT: 1</c> (Do Not Track).</summary>
    public const string Dnt = "dnt";

    /// <summary>The <c>Referer</c> header, without its query string and fragment unless configured otherwise.</summary>
    public const string Referer = "referer";

    /// <summary>The primary language tag of <c>Accept-Language</c>, for example <c>en-US</c>.</summary>
    public const string Language = "language";

    /// <summary>The <c>CloudFront-Viewer-Country</c> header: the viewer's ISO 3166-1 alpha-2 country code.</summary>
    public const string Country = "country";

    /// <summary>The <c>CloudFront-Viewer-Country-Region</c> header: the ISO 3166-2 subdivision code.</summary>
    public const string Region = "region";

    /// <summary>The <c>CloudFront-Viewer-City</c> header.</summary>
    public const string City = "city";

    /// <summary>
    /// What the request was, one of <see cref="EventTypes"/>: written for beacons and clicks only, so a pixel view's
    /// record keeps the original's fields.
    /// </summary>
    public const string EventType = "eventType";

    /// <summary>The target a signed click link redirected to; written for clicks only.</summary>
    public const string ClickTarget = "clickTarget";
}
