using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>
/// Speaks the Lambda Runtime API (<c>/2018-06-01</c>) over plain HTTP to the address Lambda gives the process.
/// </summary>
/// <remarks>
/// Thread-safe: with Lambda Managed Instances several invocation loops share it, each long-poll on its own pooled
/// connection (the handler sets no per-server limit).
/// </remarks>
internal sealed class RuntimeApiClient : IDisposable
{
    private const int MaxErrorMessageLength = 16 * 1024;
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue ErrorType = new("application/vnd.aws.lambda.error+json");

    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            // The Runtime API is local: an HTTP_PROXY meant for outbound calls must not capture it.
            UseProxy = false,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };

        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/", UriKind.Absolute),

            // GET next is a long poll that spans freezes of the environment; any client timeout would cut it.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next event.</summary>
    /// <exception cref="RuntimeApiException">
    /// The Runtime API answered with an error: the environment is broken.
    /// </exception>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(
            "runtime/invocation/next",
            HttpCompletionOption.ResponseContentRead,
            cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException(
                $"GET /runtime/invocation/next answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException(
                "GET /runtime/invocation/next gave no Lambda-Runtime-Aws-Request-Id header.");
        var deadline = long.TryParse(
            Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : (DateTimeOffset?)null;
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new Invocation(
            requestId,
            deadline,
            Header(headers, "Lambda-Runtime-Trace-Id"),
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
            payload);
    }

    /// <summary>
    /// Posts an invocation's result; returns the status the Runtime API answered with (202 when accepted).
    /// </summary>
    public async Task<HttpStatusCode> PostResponseAsync(
        string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = JsonType;
        using var response = await _http.PostAsync(
            $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response",
            content,
            cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    /// <summary>Reports that an invocation failed.</summary>
    public Task<HttpStatusCode> PostInvocationErrorAsync(
        string requestId, string errorType, string message, CancellationToken cancellationToken) =>
        PostErrorAsync(
            $"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", errorType, message, cancellationToken);

    /// <summary>Reports that the function could not start; Lambda expects the process to exit afterwards.</summary>
    public Task<HttpStatusCode> PostInitErrorAsync(
        string errorType, string message, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", errorType, message, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> PostErrorAsync(
        string path, string errorType, string message, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage"u8, SafeText.Bound(message, MaxErrorMessageLength));
            json.WriteString("errorType"u8, SafeText.Bound(errorType, 256));
            json.WriteEndObject();
        }

        using var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = ErrorType;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Lambda-Runtime-Function-Error-Type", SafeHeader(errorType));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }

    private static string SafeHeader(string value) =>
        value.All(c => c is >= ' ' and < (char)0x7F) && value.Length <= 256 ? value : "Runtime.UnknownReason";

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
