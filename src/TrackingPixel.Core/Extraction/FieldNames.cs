namespace TrackingPixel.Extraction;

/// <summary>The names of the built-in record fields, as the original aws-samples tracking pixel wrote them.</summary>
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

    /// <summary>Lists the fields whose values were cut to fit the configured limits; present only when one was.</summary>
    public const string Truncated = "_truncated";
}
