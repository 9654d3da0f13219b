using System.Net;
using System.Text;

namespace TrackingPixel.Aws;

/// <summary>
/// Fetches the instance role's credentials from EC2 instance metadata with IMDSv2 session tokens: <c>PUT
/// /latest/api/token</c>, then the role name and its credentials under
/// <c>/latest/meta-data/iam/security-credentials/</c>, each sent with the token.
/// </summary>
/// <remarks>
/// Off when <c>AWS_EC2_METADATA_DISABLED</c> is <c>true</c>. The endpoint is <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c>,
/// else <c>http://[fd00:ec2::254]</c> when <c>AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE</c> is <c>IPv6</c>, else
/// <c>http://169.254.169.254</c>. An instance that refuses tokens (403, 404, 405) is asked without one (IMDSv1), as
/// botocore does, unless <c>AWS_EC2_METADATA_V1_DISABLED</c> is <c>true</c>. One second per request, as botocore,
/// or <c>AWS_METADATA_SERVICE_TIMEOUT</c> seconds when set (the variable AWS's SDKs read for the same limit).
/// </remarks>
internal sealed class InstanceMetadataCredentialsProvider(IAwsEnvironment environment, HttpClient http)
{
    private const string CredentialsPath = "/latest/meta-data/iam/security-credentials/";
    private readonly TimeSpan _timeout = TimeoutFrom(environment.Get("AWS_METADATA_SERVICE_TIMEOUT"));

    private static TimeSpan TimeoutFrom(string? seconds) =>
        double.TryParse(
            seconds,
            System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture,
            out var value)
            && value is > 0 and <= 60
            ? TimeSpan.FromSeconds(value)
            : TimeSpan.FromSeconds(1);

    public static bool IsDisabled(IAwsEnvironment environment) => IsTrue(environment.Get("AWS_EC2_METADATA_DISABLED"));

    public async ValueTask<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var endpoint = Endpoint();
        try
        {
            var token = await TokenAsync(endpoint, cancellationToken).ConfigureAwait(false);
            var roles = await GetAsync(endpoint, CredentialsPath, token, cancellationToken).ConfigureAwait(false);
            var role = Encoding.UTF8.GetString(roles).Split('\n')[0].Trim();
            if (role.Length == 0)
            {
                throw new CredentialsException("The instance has no IAM role attached (instance metadata lists none).");
            }

            var body = await GetAsync(endpoint, CredentialsPath + Uri.EscapeDataString(role), token, cancellationToken)
                .ConfigureAwait(false);
            return ContainerCredentialsProvider.Parse(body) ?? throw new CredentialsException(
                $"Instance metadata answered for role '{role}' without AccessKeyId, SecretAccessKey and Token.")
            {
                IsTransient = true,
            };
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(endpoint, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(endpoint, exception);
        }
    }

    private static CredentialsException Unreachable(Uri endpoint, Exception exception) =>
        new($"EC2 instance metadata at {endpoint} did not answer ({exception.GetType().Name}); off EC2, set " +
            "AWS_EC2_METADATA_DISABLED=true and use another credentials source.", exception)
        { IsTransient = true };

    private static bool IsTrue(string? value) =>
        string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private Uri Endpoint()
    {
        var configured = environment.Get("AWS_EC2_METADATA_SERVICE_ENDPOINT")
            ?? (string.Equals(
                    environment.Get("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE"),
                    "IPv6",
                    StringComparison.OrdinalIgnoreCase)
                ? "http://[fd00:ec2::254]"
                : "http://169.254.169.254");
        return Uri.TryCreate(configured, UriKind.Absolute, out var uri)
            ? uri
            : throw new CredentialsException(
                $"AWS_EC2_METADATA_SERVICE_ENDPOINT '{configured}' is not an absolute URL.");
    }

    private async Task<string?> TokenAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, "/latest/api/token"));
        request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token-ttl-seconds", "21600");
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }

        var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            or HttpStatusCode.MethodNotAllowed;
        if (refused && !IsTrue(environment.Get("AWS_EC2_METADATA_V1_DISABLED")))
        {
            return null;
        }

        throw new CredentialsException(
            $"EC2 instance metadata refused a session token (HTTP {(int)response.StatusCode}).")
        { IsTransient = (int)response.StatusCode >= 500 };
    }

    private async Task<byte[]> GetAsync(Uri endpoint, string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-aws-ec2-metadata-token", token);
        }

        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // The body is not quoted: an endpoint may echo what it was sent.
            throw new CredentialsException(
                $"EC2 instance metadata answered HTTP {(int)response.StatusCode} for {path}; " +
                "check the instance's role.")
            { IsTransient = (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.Unauthorized };
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
            .ConfigureAwait(false);
    }
}
