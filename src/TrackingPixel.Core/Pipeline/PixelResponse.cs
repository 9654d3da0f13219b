namespace TrackingPixel;

/// <summary>The pixel every request is answered with: a transparent 1×1 GIF and the headers it needs.</summary>
public static class PixelResponse
{
    /// <summary>The media type of <see cref="Gif"/>.</summary>
    public const string ContentType = "image/gif";

    /// <summary>The 43-byte transparent 1×1 GIF89a, base64-encoded, as API Gateway proxy responses carry it.</summary>
    public const string GifBase64 = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==";

    private static readonly byte[] GifBytes = Convert.FromBase64String(GifBase64);

    /// <summary>Gets the transparent 1×1 GIF's bytes.</summary>
    public static ReadOnlyMemory<byte> Gif => GifBytes;

    /// <summary>
    /// Gets the response headers for the pixel, <c>Content-Type</c> and <c>Content-Length</c> included.
    /// </summary>
    /// <remarks>
    /// No browser or shared cache may keep the pixel, so every view reaches the collector; <c>nosniff</c> pins the
    /// type; <c>Cross-Origin-Resource-Policy: cross-origin</c> lets any page or mail client embed it. A <c>HEAD</c>
    /// request gets the same headers without the body.
    /// </remarks>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers { get; } =
    [
        new("Content-Type", ContentType),
        new("Content-Length", "43"),
        new("Cache-Control", "no-store, no-cache, must-revalidate, max-age=0, private"),
        new("Pragma", "no-cache"),
        new("Expires", "Thu, 01 Jan 1970 00:00:00 GMT"),
        new("X-Content-Type-Options", "nosniff"),
        new("Cross-Origin-Resource-Policy", "cross-origin"),
    ];
}
