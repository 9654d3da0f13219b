namespace TrackingPixel.Aws;

/// <summary>An AWS access key pair, with the session token and expiry of temporary credentials.</summary>
/// <remarks>
/// <see cref="ToString"/> never shows the secret or the token, so the object can be logged by accident safely.
/// </remarks>
internal sealed class AwsCredentials(
    string accessKeyId, string secretAccessKey, string? sessionToken, DateTimeOffset? expiration)
{
    public string AccessKeyId { get; } = accessKeyId;

    public string SecretAccessKey { get; } = secretAccessKey;

    public string? SessionToken { get; } = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;

    /// <summary>Gets when temporary credentials stop working; <see langword="null"/> for long-term keys.</summary>
    public DateTimeOffset? Expiration { get; } = expiration;

    public override string ToString() =>
        $"AwsCredentials(AccessKeyId=...{(AccessKeyId.Length > 4 ? AccessKeyId[^4..] : "")}, " +
            $"Expiration={Expiration?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"})";
}
