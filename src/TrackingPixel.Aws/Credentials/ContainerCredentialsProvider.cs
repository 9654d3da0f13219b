using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TrackingPixel.Aws;

/// <summary>
/// Fetches temporary credentials from the container credentials endpoint (ECS task roles, EKS Pod Identity):
/// <c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c> or <c>AWS_CONTAINER_CREDENTIALS_RELATIVE_URI</c>, authorised by
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE</c> (read on every fetch, since it rotates) or
/// <c>AWS_CONTAINER_AUTHORIZATION_TOKEN</c>.
/// </summary>
internal sealed class ContainerCredentialsProvider(IAwsEnvironment environment, HttpClient http)
{
    private const string EcsHost = "169.254.170.2";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsConfigured(IAwsEnvironment environment) =>
        environment.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI") is not null
            || environment.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is not null;

    public async ValueTask<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var uri = EndpointUri();
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (AuthorizationToken() is { } token)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // The body is not quoted: an endpoint may echo what it was sent.
                throw new CredentialsException(
                    $"The container credentials endpoint {uri.GetLeftPart(UriPartial.Path)} answered HTTP " +
                        $"{(int)response.StatusCode}; check the task or pod role and the authorization token.")
                {
                    IsTransient = (int)response.StatusCode >= 500
                        || response.StatusCode == HttpStatusCode.TooManyRequests,
                };
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return Parse(body) ?? throw new CredentialsException(
                $"The container credentials endpoint {uri.GetLeftPart(UriPartial.Path)} answered without " +
                    "AccessKeyId, SecretAccessKey and Token.")
            {
                IsTransient = true,
            };
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(uri, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable(uri, exception);
        }
    }

    private static CredentialsException Unreachable(Uri uri, Exception exception) =>
        new($"The container credentials endpoint {uri.GetLeftPart(UriPartial.Path)} did not answer " +
            $"({exception.GetType().Name}).", exception)
        { IsTransient = true };

    private Uri EndpointUri()
    {
        if (environment.Get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") is { } relative)
        {
            return new Uri($"http://{EcsHost}{(relative.StartsWith('/') ? "" : "/")}{relative}");
        }

        var full = environment.Get("AWS_CONTAINER_CREDENTIALS_FULL_URI")!;
        if (!Uri.TryCreate(full, UriKind.Absolute, out var uri) || (
            uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CredentialsException("AWS_CONTAINER_CREDENTIALS_FULL_URI is not an absolute http or https URL.");
        }

        // As the AWS SDKs do: plain HTTP only to a loopback address or the ECS / EKS Pod Identity link-local agents.
        if (uri.Scheme == Uri.UriSchemeHttp && !IsAllowedPlainHttpHost(uri))
        {
            throw new CredentialsException(
                $"AWS_CONTAINER_CREDENTIALS_FULL_URI uses plain http to {uri.Host}; use https, a loopback address, " +
                    $"{EcsHost}, 169.254.170.23 or fd00:ec2::23.");
        }

        return uri;
    }

    private static bool IsAllowedPlainHttpHost(Uri uri)
    {
        if (uri.IsLoopback)
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address)
            && (address.Equals(IPAddress.Parse(EcsHost))
                || address.Equals(IPAddress.Parse("169.254.170.23"))
                || address.Equals(IPAddress.Parse("fd00:ec2::23")));
    }

    private string? AuthorizationToken()
    {
        if (environment.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") is { } path)
        {
            try
            {
                return File.ReadAllText(path).Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new CredentialsException(
                    $"AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE ({path}) cannot be read: {exception.GetType().Name}.",
                    exception);
            }
        }

        return environment.Get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    }

    /// <summary>Reads the credentials JSON the container endpoint and instance metadata both answer with.</summary>
    internal static AwsCredentials? Parse(byte[] body)
    {
        string? accessKeyId = null, secret = null, token = null;
        DateTimeOffset? expiration = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                switch (name)
                {
                    case "AccessKeyId": accessKeyId = value; break;
                    case "SecretAccessKey": secret = value; break;
                    case "Token": token = value; break;
                    case "Expiration"
                        when DateTimeOffset.TryParse(
                            value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed):
                        expiration = parsed;
                        break;
                    default: break;
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return accessKeyId is null
            || secret is null ? null : new AwsCredentials(accessKeyId, secret, token, expiration);
    }
}
