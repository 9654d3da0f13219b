namespace TrackingPixel.Aws;

/// <summary>Supplies the credentials requests are signed with.</summary>
internal interface ICredentialsProvider
{
    /// <summary>Gets credentials valid for at least a few more minutes.</summary>
    /// <exception cref="CredentialsException">
    /// No credentials could be found or fetched; the message says where it looked, never a secret.
    /// </exception>
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
