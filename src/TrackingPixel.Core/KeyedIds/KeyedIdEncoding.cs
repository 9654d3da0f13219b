namespace TrackingPixel;

/// <summary>How a keyed identifier's bytes are written in the record.</summary>
public enum KeyedIdEncoding
{
    /// <summary>Lower-case hexadecimal: 4 bits per character, easy to compare in Athena with <c>to_hex</c>.</summary>
    Hex,

    /// <summary>
    /// Base64url without padding (RFC 4648 section 5): 6 bits per character, URL- and file-name-safe.
    /// </summary>
    Base64Url,
}
