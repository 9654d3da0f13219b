namespace TrackingPixel;

/// <summary>Configures one keyed identifier: an HMAC-SHA256 of chosen request values under a secret key.</summary>
/// <remarks>
/// Without the secret an id cannot be recomputed from a guessed address or user id, unlike a plain or publicly salted
/// hash. With <see cref="RotateDaily"/> the key is derived from the secret and the UTC date, as Plausible rotates its
/// salt daily, so the same visitor gets unrelated ids on different days. The secret is never logged or shown.
/// </remarks>
public sealed class KeyedIdOptions
{
    /// <summary>The smallest secret accepted, in UTF-8 bytes: as many as the HMAC-SHA256 output.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>
    /// Gets the request values hashed, in order: <c>ip</c> (the resolved client address, before masking),
    /// <c>header:NAME</c> or <c>query:NAME</c>.
    /// </summary>
    /// <value>
    /// Empty by default; at least one is required, for example <c>query:userid</c>, or <c>ip</c> and
    /// <c>header:User-Agent</c>.
    /// </value>
    public IList<string> Inputs { get; } = new List<string>();

    /// <summary>Gets or sets the secret key.</summary>
    /// <value>
    /// At least <see cref="MinimumSecretBytes"/> UTF-8 bytes of random data; set this or
    /// <see cref="SecretEnvironmentVariable"/>, not both.
    /// </value>
    public string? Secret { get; set; }

    /// <summary>
    /// Gets or sets the name of the environment variable holding the secret key, read once at start-up.
    /// </summary>
    /// <value><see langword="null"/> by default; set this or <see cref="Secret"/>, not both.</value>
    public string? SecretEnvironmentVariable { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the key changes every UTC day, so ids cannot be joined across days.
    /// </summary>
    /// <value>Defaults to <see langword="true"/>.</value>
    public bool RotateDaily { get; set; } = true;

    /// <summary>Gets or sets how the id is written.</summary>
    /// <value>Defaults to <see cref="KeyedIdEncoding.Hex"/>.</value>
    public KeyedIdEncoding Encoding { get; set; } = KeyedIdEncoding.Hex;

    /// <summary>Gets or sets the id's length in characters; the HMAC is truncated to it.</summary>
    /// <value>Defaults to 32 (128 bits in hex). Range 16 to 64 for hex, 16 to 43 for base64url.</value>
    public int Length { get; set; } = 32;

    /// <summary>
    /// Gets the fields removed from the record, such as <c>userId</c> when only its keyed form may be stored.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<string> RemoveFields { get; } = new List<string>();

    /// <summary>Describes the options without the secret.</summary>
    /// <returns>The inputs, encoding and length.</returns>
    public override string ToString() =>
        $"KeyedIdOptions {{ Inputs = [{string.Join(", ", Inputs)}], RotateDaily = {RotateDaily}, " +
        $"Encoding = {Encoding}, Length = {Length} }}";
}
