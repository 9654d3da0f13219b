namespace TrackingPixel.Aws;

/// <summary>
/// The standard chain: environment variables, then the container credentials endpoint, then the shared credentials
/// file, then EC2 instance metadata (IMDSv2); web identity (EKS IRSA) comes after the environment variables. The result
/// is cached and fetched again shortly before it expires.
/// </summary>
/// <remarks>
/// Thread-safe; one caller refreshes while the others wait. If a refresh fails while the cached credentials are still
/// valid, the cached ones are used and the refresh is tried again on the next call.
/// </remarks>
internal sealed class DefaultCredentialsProvider(IAwsEnvironment environment, HttpClient http, TimeProvider time)
    : ICredentialsProvider, IDisposable
{
    /// <summary>
    /// How long before expiry credentials are replaced, so a request is never signed with keys about to lapse.
    /// </summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ContainerCredentialsProvider _container = new(environment, http);
    private readonly InstanceMetadataCredentialsProvider _instance = new(environment, http);
    private readonly WebIdentityCredentialsProvider _webIdentity = new(environment, http, time);
    private AwsCredentials? _cached;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _cached)) is { } fresh)
        {
            return fresh;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var cached = _cached;
            if (Fresh(cached) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            try
            {
                var loaded = await LoadAsync(cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _cached, loaded);
                return loaded;
            }
            catch (CredentialsException) when (cached?.Expiration is { } expiry && time.GetUtcNow() < expiry)
            {
                return cached;
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private AwsCredentials? Fresh(AwsCredentials? credentials) =>
        credentials is not null
            && (credentials.Expiration is null || time.GetUtcNow() < credentials.Expiration.Value - RefreshBefore)
            ? credentials
            : null;

    private async ValueTask<AwsCredentials> LoadAsync(CancellationToken cancellationToken)
    {
        if (EnvironmentCredentials.TryRead(environment) is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        // Before the container endpoint, as in botocore's chain: EKS IRSA pods set these two.
        if (WebIdentityCredentialsProvider.IsConfigured(environment))
        {
            return await _webIdentity.FetchAsync(cancellationToken).ConfigureAwait(false);
        }

        if (ContainerCredentialsProvider.IsConfigured(environment))
        {
            return await _container.FetchAsync(cancellationToken).ConfigureAwait(false);
        }

        if (SharedCredentialsFile.TryRead(environment) is { } fromFile)
        {
            return fromFile;
        }

        var none = "No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY " +
            "(and AWS_SESSION_TOKEN for temporary credentials), run with a container role " +
            "(AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI) or an EC2 instance role, or create " +
            $"{SharedCredentialsFile.PathFor(environment) ?? "~/.aws/credentials"} and " +
            "choose the profile with AWS_PROFILE.";
        if (InstanceMetadataCredentialsProvider.IsDisabled(environment))
        {
            throw new CredentialsException(none);
        }

        // Last, as in botocore's chain: off EC2 this costs one short, failed connection.
        try
        {
            return await _instance.FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CredentialsException exception)
        {
            // Not transient: off EC2 retrying cannot help, and on EC2 the next call asks again.
            throw new CredentialsException($"{none} ({exception.Message})", exception);
        }
    }
}
