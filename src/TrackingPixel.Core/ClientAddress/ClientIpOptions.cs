namespace TrackingPixel;

/// <summary>Where the recorded client address comes from.</summary>
/// <remarks>
/// By default the address is the one the platform observed (the TCP peer, or API Gateway's <c>sourceIp</c>), which a
/// client cannot forge. A forwarding header is read only when you say how many proxies you run in front, and then
/// only the entries those proxies appended, counted from the right: the left-most entries are whatever the client sent.
/// </remarks>
public sealed class ClientIpOptions
{
    /// <summary>
    /// Gets or sets the number of trusted proxies between the client and the platform that appended to
    /// <see cref="ForwardedForHeader"/>.
    /// </summary>
    /// <value>
    /// 0 (default) ignores the header; 1 to 16 takes that entry counting from the right, e.g. 1 behind a single CDN.
    /// </value>
    public int TrustedProxyCount { get; set; }

    /// <summary>Gets or sets the forwarding header your proxies append the connecting address to.</summary>
    /// <value>
    /// Defaults to <c>X-Forwarded-For</c>. <c>CloudFront-Viewer-Address</c> (address and port, as CloudFront writes it)
    /// works too, with <see cref="TrustedProxyCount"/> 1, when only CloudFront can reach the origin.
    /// </value>
    public string ForwardedForHeader { get; set; } = "X-Forwarded-For";
}
