using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Kinesis.Tests.Support;

/// <summary>A loopback proxy in front of kinesalite that fails chosen PutRecords entries and whole calls the way
/// Kinesis does, and passes everything else through.</summary>
/// <remarks>
/// For a PutRecords call it picks the entries to fail, forwards only the others to kinesalite and merges the two
/// answers in the request's order, with <c>ErrorCode</c>/<c>ErrorMessage</c> entries and a matching
/// <c>FailedRecordCount</c>; whole calls it throttles get HTTP 400 <c>ProvisionedThroughputExceededException</c>.
/// A <c>StreamARN</c> is rewritten to the name kinesalite knows (it predates the member).
/// </remarks>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _upstream;
    private readonly LoopbackServer _server;
    private readonly Random _random;
    private readonly ConcurrentQueue<JsonObject> _putRecords = new();
    private int _calls;
    private int _throttledCalls;
    private int _failedEntries;

    public FaultProxy(Uri upstream, int seed = 7)
    {
        _upstream = upstream;
        _random = new Random(seed);
        _server = new LoopbackServer(HandleAsync);
    }

    public Uri Url => _server.Url;

    /// <summary>Gets or sets the share of entries failed inside a call, each with one of
    /// <see cref="EntryErrors"/>.</summary>
    public double EntryFailureRate { get; set; }

    /// <summary>Gets or sets the codes failed entries get, in turn.</summary>
    public IReadOnlyList<string> EntryErrors { get; set; } =
        ["ProvisionedThroughputExceededException", "KMSThrottlingException"];

    /// <summary>Gets or sets that every n-th PutRecords call is throttled whole (0: none).</summary>
    public int ThrottleEvery { get; set; }

    /// <summary>Gets or sets an error code every PutRecords call is answered with, status 400, and not
    /// forwarded.</summary>
    public string? RejectAllWith { get; set; }

    public IReadOnlyList<LoopbackRequest> Requests => _server.Requests;

    /// <summary>Gets the PutRecords bodies as the publisher sent them.</summary>
    public IReadOnlyList<JsonObject> PutRecordsCalls => [.. _putRecords];

    public int ThrottledCalls => Volatile.Read(ref _throttledCalls);

    public int FailedEntries => Volatile.Read(ref _failedEntries);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _forward.Dispose();
    }

    private async Task<LoopbackResponse> HandleAsync(LoopbackRequest request, CancellationToken cancellationToken)
    {
        var target = request.Header("X-Amz-Target") ?? "";
        if (target != "Kinesis_20131202.PutRecords")
        {
            var (status, body) = await ForwardAsync(request, request.Body, cancellationToken);
            return new LoopbackResponse(status, body, [("Content-Type", "application/x-amz-json-1.1")]);
        }

        var call = JsonNode.Parse(request.Body)!.AsObject();
        _putRecords.Enqueue((JsonObject)call.DeepClone());
        var number = Interlocked.Increment(ref _calls);
        if (RejectAllWith is { } code)
        {
            return Error(code, $"{code} injected by the fault proxy");
        }

        if (ThrottleEvery > 0 && number % ThrottleEvery == 0)
        {
            Interlocked.Increment(ref _throttledCalls);
            return Error("ProvisionedThroughputExceededException", "Rate exceeded for stream (injected).");
        }

        if (call["StreamARN"] is JsonValue arn)
        {
            call.Remove("StreamARN");
            call["StreamName"] = ((string)arn!)[(((string)arn!).IndexOf(":stream/", StringComparison.Ordinal) + 8)..];
        }

        var entries = call["Records"]!.AsArray();
        var failures = new string?[entries.Count];
        lock (_random)
        {
            for (var i = 0; i < failures.Length; i++)
            {
                failures[i] = _random.NextDouble() < EntryFailureRate ? EntryErrors[i % EntryErrors.Count] : null;
            }
        }

        var forwarded = new JsonArray();
        for (var i = 0; i < entries.Count; i++)
        {
            if (failures[i] is null)
            {
                forwarded.Add(entries[i]!.DeepClone());
            }
        }

        JsonArray stored = [];
        if (forwarded.Count > 0)
        {
            var upstream = new JsonObject { ["Records"] = forwarded, ["StreamName"] = call["StreamName"]!.DeepClone() };
            var bytes = Encoding.UTF8.GetBytes(upstream.ToJsonString());
            var (status, body) = await ForwardAsync(request, bytes, cancellationToken);
            if (status != 200)
            {
                return new LoopbackResponse(status, body, [("Content-Type", "application/x-amz-json-1.1")]);
            }

            stored = JsonNode.Parse(body)!["Records"]!.AsArray();
        }

        var merged = new JsonArray();
        var next = 0;
        var failed = 0;
        foreach (var failure in failures)
        {
            if (failure is null)
            {
                merged.Add(stored[next++]!.DeepClone());
                continue;
            }

            failed++;
            merged.Add(new JsonObject { ["ErrorCode"] = failure, ["ErrorMessage"] = $"{failure} (injected)" });
        }

        Interlocked.Add(ref _failedEntries, failed);
        var answer = new JsonObject
        {
            ["FailedRecordCount"] = failed,
            ["Records"] = merged,
            ["EncryptionType"] = "KMS",
        };
        return LoopbackResponse.Json(200, answer.ToJsonString());
    }

    private static LoopbackResponse Error(string code, string message) =>
        LoopbackResponse.Json(400, new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString());

    private async Task<(int Status, byte[] Body)> ForwardAsync(
        LoopbackRequest request, byte[] body, CancellationToken cancellationToken)
    {
        using var forward = new HttpRequestMessage(HttpMethod.Post, _upstream);
        forward.Content = new ByteArrayContent(body);
        forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.Header("Content-Type"));
        foreach (var name in new[] { "X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token" })
        {
            if (request.Header(name) is { } value)
            {
                forward.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _forward.SendAsync(forward, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }
}
