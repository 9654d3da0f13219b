namespace TrackingPixel.Aws;

/// <summary>What a publisher talks to AWS with: one pooled <see cref="HttpClient"/> and the credentials, and what
/// it must dispose of them.</summary>
/// <param name="Http">The client, for the publisher's lifetime.</param>
/// <param name="Credentials">A registered <see cref="ICredentialsProvider"/>, else the default chain.</param>
/// <param name="Owned">What the publisher disposes: the client, and the default chain when it made one.</param>
internal sealed record AwsConnection(
    HttpClient Http, ICredentialsProvider Credentials, IReadOnlyList<IDisposable> Owned)
{
    public static AwsConnection Create(
        ICredentialsProvider? registered, IAwsEnvironment environment, TimeProvider time, TimeSpan connectTimeout)
    {
        // One handler for the process: connections are pooled across invocations. Idle ones are dropped after a
        // minute, well before AWS's load balancers would, so a connection that sat through a Lambda freeze is rarely
        // reused.
        var http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = connectTimeout,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (registered is not null)
        {
            return new AwsConnection(http, registered, [http]);
        }

        var chain = new DefaultCredentialsProvider(environment, http, time);
        return new AwsConnection(http, chain, [http, chain]);
    }
}
