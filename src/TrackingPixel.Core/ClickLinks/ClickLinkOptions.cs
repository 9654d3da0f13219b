namespace TrackingPixel;

/// <summary>Options of signed click links: the keys that sign and verify them, and where an invalid link
/// goes.</summary>
/// <remarks>
/// Rotate a key by adding the new one, switching <see cref="SigningKeyId"/> to it, and removing the old one once the
/// links it signed have expired or no longer matter: every key in <see cref="Keys"/> verifies.
/// </remarks>
public sealed class ClickLinkOptions
{
    /// <summary>The fewest bytes (UTF-8) a key must have: as many as the HMAC-SHA256 output.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Gets the verification keys by key id; a link names its key with the <c>kid</c> parameter.</summary>
    /// <value>Empty by default; at least one key is required. Ids are 1 to 64 letters, digits, <c>-</c> or
    /// <c>_</c>.</value>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets or sets the id of the key new links are signed with.</summary>
    /// <value>Optional when <see cref="Keys"/> holds one key (that one signs); required when it holds several.</value>
    public string? SigningKeyId { get; set; }

    /// <summary>Gets or sets where a link that fails verification is redirected, instead of a 400 answer.</summary>
    /// <value>An absolute <c>http</c> or <c>https</c> URL, such as your home page; <see langword="null"/> (the
    /// default) answers 400.</value>
    public string? FallbackUrl { get; set; }
}
