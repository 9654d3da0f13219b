using System.Globalization;
using System.Net;
using System.Text;

namespace TrackingPixel.Aws;

/// <summary>
/// Exchanges the web identity token in <c>AWS_WEB_IDENTITY_TOKEN_FILE</c> (EKS IRSA; re-read on every fetch, since it
/// rotates) for the credentials of <c>AWS_ROLE_ARN</c> through STS <c>AssumeRoleWithWebIdentity</c> (query API, XML
/// answer), session name <c>AWS_ROLE_SESSION_NAME</c>.
/// </summary>
/// <remarks>The call is unsigned, as the API allows. STS is the region's endpoint (<c>sts.{region}.amazonaws.com</c>),
/// or the global one without a region; <c>AWS_ENDPOINT_URL_STS</c> overrides it.</remarks>
internal sealed class WebIdentityCredentialsProvider(IAwsEnvironment environment, HttpClient http, TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool IsConfigured(IAwsEnvironment environment) =>
        environment.Get("AWS_WEB_IDENTITY_TOKEN_FILE") is not null && environment.Get("AWS_ROLE_ARN") is not null;

    public async ValueTask<AwsCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var path = environment.Get("AWS_WEB_IDENTITY_TOKEN_FILE")!;
        string token;
        try
        {
            token = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CredentialsException(
                $"AWS_WEB_IDENTITY_TOKEN_FILE ({path}) cannot be read: {exception.GetType().Name}.", exception);
        }

        var session = environment.Get("AWS_ROLE_SESSION_NAME")
            ?? "trackingpixel-" + time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var role = Uri.EscapeDataString(environment.Get("AWS_ROLE_ARN")!);
        var form = $"Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn={role}" +
            $"&RoleSessionName={Uri.EscapeDataString(session)}&WebIdentityToken={Uri.EscapeDataString(token)}";
        var url = Endpoint();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                // Only the error code is quoted: a message may echo the token sent.
                var code = Element(body, "Code") is { Length: <= 64 } c && c.All(char.IsAsciiLetterOrDigit)
                    ? c
                    : "unknown";
                throw new CredentialsException(
                    $"STS AssumeRoleWithWebIdentity at {url.GetLeftPart(UriPartial.Path)} answered HTTP " +
                    $"{(int)response.StatusCode} {code}; check AWS_ROLE_ARN, the role's trust policy and the " +
                    "token file.")
                { IsTransient = (int)response.StatusCode >= 500 || code is "IDPCommunicationError" or "Throttling" };
            }

            return Parse(body) ?? throw new CredentialsException(
                "STS AssumeRoleWithWebIdentity answered without AccessKeyId, SecretAccessKey and SessionToken.")
            {
                IsTransient = true,
            };
        }
        catch (Exception exception) when (exception is HttpRequestException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new CredentialsException(
                $"STS at {url.GetLeftPart(UriPartial.Path)} did not answer ({exception.GetType().Name}).", exception)
            { IsTransient = true };
        }
    }

    private Uri Endpoint()
    {
        var region = AwsEndpoint.RegionFrom(null, environment);
        if (AwsEndpoint.ExplicitUrlFrom(AwsService.Sts, null, environment) is { } url)
        {
            return new Uri(url, UriKind.Absolute);
        }

        return region is null
            ? new Uri("https://sts.amazonaws.com/")
            : new Uri($"https://{AwsEndpoint.HostFor(AwsService.Sts, region, false, false)}/");
    }

    // The answer's <Credentials> element holds the four values; the rest of the document is not needed.
    private static AwsCredentials? Parse(string body)
    {
        var start = body.IndexOf("<Credentials>", StringComparison.Ordinal);
        var end = body.IndexOf("</Credentials>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        var credentials = body[start..end];
        var (keyId, secret, token) = (Element(credentials, "AccessKeyId"), Element(credentials, "SecretAccessKey"),
            Element(credentials, "SessionToken"));
        DateTimeOffset? expiration = DateTimeOffset.TryParse(
            Element(credentials, "Expiration"),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var parsed)
            ? parsed
            : null;
        return keyId is null || secret is null || token is null
            ? null
            : new AwsCredentials(keyId, secret, token, expiration);
    }

    private static string? Element(string xml, string name)
    {
        var open = xml.IndexOf($"<{name}>", StringComparison.Ordinal);
        var close = open < 0 ? -1 : xml.IndexOf($"</{name}>", open, StringComparison.Ordinal);
        return close < 0 ? null : WebUtility.HtmlDecode(xml[(open + name.Length + 2)..close].Trim());
    }
}
