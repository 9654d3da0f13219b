using System.Net;
using TrackingPixel.Firehose.Credentials;
using TrackingPixel.Firehose.Signing;

namespace TrackingPixel.Firehose.Client;

/// <summary>Sends signed PutRecord and PutRecordBatch calls over one pooled <see cref="HttpClient"/>.</summary>
/// <remarks>
/// Thread-safe. One call is one HTTP attempt: retrying is the publisher's job. Errors are thrown as
/// <see cref="FirehoseServiceException"/> (Firehose answered), <see cref="HttpRequestException"/> (connection failed),
/// <see cref="TimeoutException"/> (no answer within the attempt timeout) or <see cref="CredentialsException"/>.
/// </remarks>
internal sealed class FirehoseClient(
    HttpClient http, FirehoseEndpoint endpoint, ICredentialsProvider credentials, TimeProvider time, TimeSpan attemptTimeout)
{
    /// <summary>Gets where requests' credentials come from, for the publisher's readiness check.</summary>
    internal ICredentialsProvider Credentials => credentials;

    private const string ContentType = "application/x-amz-json-1.1";
    private readonly SigV4Signer _signer = new(endpoint.Region, "firehose");
    private readonly string _host = endpoint.Url.IsDefaultPort ? endpoint.Url.IdnHost : $"{endpoint.Url.IdnHost}:{endpoint.Url.Port}";

    public FirehoseEndpoint Endpoint => endpoint;

    /// <summary>Sends one record with PutRecord.</summary>
    public async Task PutRecordAsync(string stream, ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        using var body = new PooledBuffer(FirehoseRequestBody.SizeOf(record.Length) + FirehoseRequestBody.Overhead);
        FirehoseRequestBody.WritePutRecord(body, stream, record.Span);
        await SendAsync("Firehose_20150804.PutRecord", body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the records at <paramref name="indices"/> with PutRecordBatch.</summary>
    /// <returns>Per entry sent, its error code or <see langword="null"/> when accepted; <see langword="null"/> when
    /// the answer was unreadable.</returns>
    public async Task<string?[]?> PutRecordBatchAsync(
        string stream, IReadOnlyList<ReadOnlyMemory<byte>> records, IReadOnlyList<int> indices, CancellationToken cancellationToken)
    {
        var size = FirehoseRequestBody.Overhead;
        foreach (var index in indices)
        {
            size += FirehoseRequestBody.SizeOf(records[index].Length);
        }

        using var body = new PooledBuffer(size);
        FirehoseRequestBody.WritePutRecordBatch(body, stream, records, indices);
        var answer = await SendAsync("Firehose_20150804.PutRecordBatch", body, cancellationToken).ConfigureAwait(false);
        return FirehoseResponse.ReadBatch(answer, indices.Count);
    }

    private async Task<byte[]> SendAsync(string target, PooledBuffer body, CancellationToken cancellationToken)
    {
        var keys = await credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var amzDate = SigV4Signer.FormatAmzDate(now);
        var payload = body.Array.AsMemory(0, body.Length);
        KeyValuePair<string, string>[] signed = keys.SessionToken is null
            ? [new("content-type", ContentType), new("host", _host), new("x-amz-date", amzDate), new("x-amz-target", target)]
            : [new("content-type", ContentType), new("host", _host), new("x-amz-date", amzDate), new("x-amz-security-token", keys.SessionToken), new("x-amz-target", target)];
        var authorization = _signer.Sign(new SignableRequest("POST", "/", "", signed, payload), keys.AccessKeyId, keys.SecretAccessKey, now);

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url);
        request.Content = new ReadOnlyMemoryContent(payload);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (keys.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", keys.SessionToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.TryAddWithoutValidation("User-Agent", "TrackingPixel.Firehose/1");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(attemptTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return answer;
            }

            var (code, message) = FirehoseResponse.ReadError(answer, Header(response, "X-Amzn-ErrorType"));
            throw new FirehoseServiceException(
                Scrub($"HTTP {(int)response.StatusCode} {code}: {Truncate(message)}", keys),
                code,
                (int)response.StatusCode,
                Header(response, "x-amzn-RequestId"));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Firehose did not answer within {attemptTimeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";

    // A service message is quoted to help the operator, but never with a secret in it, whatever a server echoes.
    private static string Scrub(string text, AwsCredentials keys)
    {
        text = text.Replace(keys.SecretAccessKey, "***", StringComparison.Ordinal);
        return keys.SessionToken is null ? text : text.Replace(keys.SessionToken, "***", StringComparison.Ordinal);
    }
}
