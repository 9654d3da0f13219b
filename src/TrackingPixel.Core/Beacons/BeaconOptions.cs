namespace TrackingPixel;

/// <summary>Options of the beacon endpoint: how large a body it reads, and which origins may post with CORS.</summary>
/// <remarks>
/// <c>navigator.sendBeacon</c> with a string, form data or a <c>text/plain</c> blob is a CORS simple request: the
/// browser sends it from any origin without asking, so <see cref="AllowedOrigins"/> is not needed for it. A
/// <c>fetch</c> (or a beacon blob) with <c>Content-Type: application/json</c> is preflighted: the browser sends it
/// only when the preflight's answer names the page's origin.
/// </remarks>
public sealed class BeaconOptions
{
    /// <summary>The largest <see cref="MaxBodyBytes"/> accepted (1 MiB).</summary>
    public const int MaxBodyBytesCeiling = 1_048_576;

    /// <summary>Gets or sets the largest body read; a larger one is answered 413 without being read further.</summary>
    /// <value>Defaults to 65,536 (64 KiB, what browsers allow <c>sendBeacon</c> to queue); from 1 to <see
    /// cref="MaxBodyBytesCeiling"/>.</value>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Gets the origins, such as <c>https://www.example.com</c>, whose preflighted requests are
    /// allowed.</summary>
    /// <value>Empty by default: no preflighted (JSON) request is allowed; <c>*</c> allows every origin.</value>
    public ICollection<string> AllowedOrigins { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Says whether a request from <paramref name="origin"/> gets CORS headers allowing it.</summary>
    /// <param name="origin">The request's <c>Origin</c> header.</param>
    /// <returns><see langword="true"/> when the origin is listed in <see cref="AllowedOrigins"/>, or <c>*</c>
    /// is.</returns>
    public bool IsOriginAllowed(string? origin) =>
        !string.IsNullOrEmpty(origin) && (AllowedOrigins.Contains(origin) || AllowedOrigins.Contains("*"));
}
