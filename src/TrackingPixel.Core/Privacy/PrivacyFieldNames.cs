namespace TrackingPixel.Privacy;

/// <summary>The names of the fields the privacy extractors write.</summary>
public static class PrivacyFieldNames
{
    /// <summary><see langword="true"/> when the request carried <c>Sec-GPC: 1</c> (Global Privacy Control).</summary>
    public const string Gpc = "gpc";

    /// <summary><see langword="true"/> when the request carried <c>DNT: 1</c> (Do Not Track).</summary>
    public const string Dnt = "dnt";

    /// <summary>The <c>Referer</c> header, without its query string and fragment unless configured otherwise.</summary>
    public const string Referer = "referer";

    /// <summary>The primary language tag of <c>Accept-Language</c>, for example <c>en-US</c>.</summary>
    public const string Language = "language";

    /// <summary>CloudFront's <c>CloudFront-Viewer-Country</c>: the viewer's ISO 3166-1 alpha-2 country code.</summary>
    public const string Country = "country";

    /// <summary>CloudFront's <c>CloudFront-Viewer-Country-Region</c>: the ISO 3166-2 subdivision code.</summary>
    public const string Region = "region";

    /// <summary>CloudFront's <c>CloudFront-Viewer-City</c>.</summary>
    public const string City = "city";
}
