namespace TrackingPixel.Aws.Tests.Support;

/// <summary>Always the same keys, so a test knows exactly which secrets must never come back out.</summary>
internal sealed class StaticCredentials(AwsCredentials credentials) : ICredentialsProvider
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => new(credentials);
}
