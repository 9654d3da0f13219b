namespace TrackingPixel.Aws;

/// <summary>
/// The standard chain: environment variables, then the container credentials endpoint, then the shared credentials
/// file. The result is cached and fetched again shortly before it expires.
/// </summary>
/// <remarks>
/// Thread-safe; one caller refreshes while the others wait. If a refresh fails while the cached credentials are still
/// valid, the cached ones are used and the refresh is tried again on the next call.
/// </remarks>
internal sealed class DefaultCredentialsProvider(IAwsEnvironment environment, HttpClient http, TimeProvider time) : ICredentialsProvider, IDisposable
{
    /// <summary>How long before expiry credentials are replaced, so a request is never signed with keys about to lapse.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly ContainerCredentialsProvider _container = new(environment, http);
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
        credentials is not null && (credentials.Expiration is null || time.GetUtcNow() < credentials.Expiration.Value - RefreshBefore) ? credentials : null;

    private async ValueTask<AwsCredentials> LoadAsync(CancellationToken cancellationToken)
    {
        if (EnvironmentCredentials.TryRead(environment) is { } fromEnvironment)
        {
            return fromEnvironment;
        }

        if (ContainerCredentialsProvider.IsConfigured(environment))
        {
            return await _container.FetchAsync(cancellationToken).ConfigureAwait(false);
        }

        return SharedCredentialsFile.TryRead(environment) ?? throw new CredentialsException(
            "No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary " +
            "credentials), run with a container role (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or _FULL_URI), or create " +
            $"{SharedCredentialsFile.PathFor(environment) ?? "~/.aws/credentials"} and choose the profile with AWS_PROFILE.");
    }
}
