namespace TrackingPixel.Aws;

/// <summary>Makes text a service sent (message, error type, request id, entry codes) safe to quote in a log.</summary>
/// <remarks>
/// A misconfigured proxy or a hostile endpoint may echo what it was sent, so the secret key, the session token and the
/// Authorization header value are replaced first and the text is cut afterwards: cutting first would leave the part
/// of a secret that straddles the cut, or a long token's head, in the log.
/// </remarks>
internal static class ServiceText
{
    /// <summary>The longest service text quoted, in characters.</summary>
    public const int MaxLength = 300;

    private const string Masked = "***";

    /// <summary>Returns <paramref name="text"/> without the secrets in <paramref name="keys"/> or
    /// <paramref name="authorization"/>, then cut to <paramref name="maxLength"/> characters.</summary>
    public static string Quote(string? text, AwsCredentials keys, string? authorization, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // The longest first, so a secret inside the Authorization value is not half-masked by a shorter one.
        text = Remove(text, authorization);
        text = Remove(text, keys.SessionToken);
        text = Remove(text, keys.SecretAccessKey);
        text = Remove(text, SignatureOf(authorization));
        return text.Length <= maxLength ? text : text[..maxLength] + "...";
    }

    /// <summary>Overwrites every UTF-8 occurrence of the secret key or the session token in
    /// <paramref name="body"/> with <c>*</c>.</summary>
    public static void Mask(Span<byte> body, AwsCredentials keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Mask(body, keys.SessionToken);
        Mask(body, keys.SecretAccessKey);
    }

    private static void Mask(Span<byte> body, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(secret);
        for (var at = body.IndexOf(bytes); at >= 0; at = body.IndexOf(bytes))
        {
            body.Slice(at, bytes.Length).Fill((byte)'*');
        }
    }

    private static string Remove(string text, string? secret) =>
        secret is { Length: > 0 } ? text.Replace(secret, Masked, StringComparison.Ordinal) : text;

    private static string? SignatureOf(string? authorization)
    {
        const string marker = "Signature=";
        var at = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
        return at < 0 ? null : authorization![(at + marker.Length)..];
    }
}
