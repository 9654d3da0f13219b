using System.Net;

namespace TrackingPixel.Aws;

/// <summary>Sends signed AWS JSON 1.1 calls (<c>X-Amz-Target</c>) over one pooled <see cref="HttpClient"/>.</summary>
/// <remarks>
/// Thread-safe. One call is one HTTP attempt: retrying is the publisher's job. Errors are thrown as
/// <see cref="AwsServiceException"/> (the service answered), <see cref="HttpRequestException"/> (connection failed),
/// <see cref="TimeoutException"/> (no answer within the attempt timeout) or <see cref="CredentialsException"/>.
/// </remarks>
internal sealed class AwsJsonClient(
    HttpClient http,
    AwsService service,
    AwsEndpoint endpoint,
    ICredentialsProvider credentials,
    TimeProvider time,
    TimeSpan attemptTimeout,
    string userAgent)
{
    private const string ContentType = "application/x-amz-json-1.1";
    private readonly SigV4Signer _signer = new(endpoint.Region, service.SigningName);
    private readonly string _host = endpoint.Url.IsDefaultPort
        ? endpoint.Url.IdnHost
        : $"{endpoint.Url.IdnHost}:{endpoint.Url.Port}";

    public AwsEndpoint Endpoint => endpoint;

    /// <summary>
    /// Checks that requests could be signed now: <see langword="null"/> when credentials can be obtained.
    /// </summary>
    /// <remarks>
    /// Every AWS sink's readiness: without credentials no request can be signed, whatever else is right. The
    /// provider caches what it obtained, so a check is cheap while credentials are fresh.
    /// </remarks>
    public async ValueTask<string?> CheckCredentialsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (CredentialsException exception)
        {
            return $"no AWS credentials: {exception.Message}";
        }
    }

    public AwsService Service => service;

    /// <summary>Sends <paramref name="body"/> to the operation <paramref name="target"/> and returns the answer's
    /// body when the service answered 200.</summary>
    public async Task<byte[]> SendAsync(string target, PooledBuffer body, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var amzDate = SigV4Signer.FormatAmzDate(now);
        var payload = body.Array.AsMemory(0, body.Length);
        KeyValuePair<string, string>[] signed = keys.SessionToken is null
            ? [new("content-type", ContentType), new("host", _host), new("x-amz-date", amzDate),
                new("x-amz-target", target)]
            : [new("content-type", ContentType), new("host", _host), new("x-amz-date", amzDate),
                new("x-amz-security-token", keys.SessionToken), new("x-amz-target", target)];
        var authorization = _signer.Sign(
            new SignableRequest("POST", "/", "", signed, payload), keys.AccessKeyId, keys.SecretAccessKey, now);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url);
        request.Content = new ReadOnlyMemoryContent(payload);
        CopyHeaders(signed, request);
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token)
                .ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // Entry codes of a batch answer are quoted too; an echoed secret is masked in the bytes.
                ServiceText.Mask(answer, keys);
                return answer;
            }

            // Every piece of service text is scrubbed of the caller's secrets before it is cut or quoted.
            var (rawCode, rawMessage) = AwsJsonResponse.ReadError(answer, Header(response, "X-Amzn-ErrorType"));
            var code = ServiceText.Quote(rawCode, keys, authorization, maxLength: 100);
            var message = ServiceText.Quote(rawMessage, keys, authorization);
            var requestId = ServiceText.Quote(
                Header(response, "x-amzn-RequestId"), keys, authorization, maxLength: 100);
            throw new AwsServiceException(
                $"HTTP {(int)response.StatusCode} {code}: {message}",
                code,
                (int)response.StatusCode,
                requestId.Length > 0 ? requestId : null);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{service.ServiceId} did not answer within {attemptTimeout.TotalSeconds:0.###} s.", exception);
        }
    }

    // The headers sent are the headers signed, from the one list; HttpClient writes Host itself from the same URL.
    private static void CopyHeaders(KeyValuePair<string, string>[] signed, HttpRequestMessage request)
    {
        foreach (var (name, value) in signed)
        {
            if (name == "content-type")
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
            else if (name != "host")
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
