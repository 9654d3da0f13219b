namespace TrackingPixel;

/// <summary>How the recorded client address is anonymised.</summary>
/// <remarks>
/// Masking keeps the network and zeroes the host part, as Matomo's IP anonymisation does (it masks two IPv4 bytes by
/// default). It is applied to the <c>ip</c> field after every extractor has run, so rules that need the full address,
/// such as machine-open classification or keyed identifiers, have already seen it.
/// </remarks>
public sealed class IpMaskingOptions
{
    /// <summary>Gets or sets how many leading bits of an IPv4 address are kept.</summary>
    /// <value>
    /// Defaults to 24 (<c>203.0.113.7</c> becomes <c>203.0.113.0</c>); 16 keeps two bytes, as Matomo's default. Range 0
    /// to 24.
    /// </value>
    public int Ipv4PrefixLength { get; set; } = 24;

    /// <summary>Gets or sets how many leading bits of an IPv6 address are kept.</summary>
    /// <value>
    /// Defaults to 48 (a site's routing prefix; <c>2001:db8:1:2::7</c> becomes <c>2001:db8:1::</c>). Range 0 to 64.
    /// </value>
    public int Ipv6PrefixLength { get; set; } = 48;

    /// <summary>
    /// Gets or sets a value indicating whether the address is removed from the record instead of masked.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool DropAddress { get; set; }
}
