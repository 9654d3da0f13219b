
namespace TrackingPixel.Benchmarks.Support;

/// <summary>
/// The requests the benchmarks feed the pipeline: ordinary ones and the hostile ones the pipeline must survive.
/// </summary>
internal static class SampleRequests
{
    public static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 34, 56, 789, TimeSpan.Zero);

    public const string ChromeUserAgent =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";

    /// <summary>The request of the original aws-samples README, from a desktop browser.</summary>
    public static PixelRequest OriginalExample() => Request(
        "userid=aws_user&thirdpartyname=example.hightrafficwebsite.com",
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["user-agent"] = ChromeUserAgent,
            ["referer"] = "https://example.hightrafficwebsite.com/articles/42?utm_source=mail",
            ["accept-language"] = "en-GB,en;q=0.9",
        });

    /// <summary>A user agent of 8 KiB full of quotes, backslashes, control characters and a lone surrogate, and a
    /// percent-encoded query with invalid UTF-8: every escaping, replacement and truncation path at once.</summary>
    public static PixelRequest Hostile()
    {
        var agent = string.Concat(Enumerable.Repeat("\"quote\\slash\u0001\u001f</script>\ud800 ", 400));
        return Request(
            "userid=%22%5C%FF%FE%C3%28&thirdpartyname=" + new string('x', 4_000) + "&userid=again",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["user-agent"] = agent });
    }

    /// <summary>
    /// A request with <paramref name="count"/> query parameters <c>f0</c>…, for a record of that many fields.
    /// </summary>
    public static PixelRequest WithQueryFields(int count) =>
        Request(
            string.Join('&', Enumerable.Range(0, count).Select(i => $"f{i}=value-{i}")),
            new Dictionary<string, string>());

    private static PixelRequest Request(string rawQuery, Dictionary<string, string> headers) => new()
    {
        Method = "GET",
        Path = "/pixel.gif",
        RawQuery = rawQuery,
        Headers = RequestHeaders.FromDictionary(headers),
        PeerAddress = "203.0.113.7",
        Timestamp = Time,
        RequestId = "YzHq3gBvDoEEMfA=",
    };
}
