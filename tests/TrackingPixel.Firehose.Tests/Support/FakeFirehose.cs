using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TrackingPixel.Aws;
using TrackingPixel.Aws.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Support;

/// <summary>
/// A Firehose on 127.0.0.1 that checks the wire format of every call (method, path, headers, target, content type,
/// signature recomputed, body shape), stores accepted records, and injects the faults a test asks for.
/// </summary>
public sealed class FakeFirehose : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDFAKEFIREHOSE";
    public const string Secret = "fake/Secret+Key-never-to-be-logged";
    public const string SessionToken = "FakeSessionToken//never-to-be-logged==";
    public const string Region = "us-east-1";
    public const string Stream = "pixel-stream";

    private readonly ConcurrentQueue<string> _delivered = new();
    private readonly ConcurrentQueue<string> _unknownOutcome = new();
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<FakeCall> _calls = new();
    private readonly LoopbackServer _server;
    private int _callCount;

    public FakeFirehose(Func<FakeCall, Fault>? faults = null)
    {
        Faults = faults ?? (_ => Fault.None);
        _server = new LoopbackServer(HandleAsync);
    }

    public Func<FakeCall, Fault> Faults { get; set; }

    public Uri Url => _server.Url;

    /// <summary>Gets the NDJSON lines stored, one per pixel record, however they were packed into Firehose records.
    /// </summary>
    public IReadOnlyList<string> Delivered => [.. _delivered.SelectMany(Lines)];

    /// <summary>Gets the Firehose records stored, as sent.</summary>
    public IReadOnlyList<string> DeliveredEntries => [.. _delivered];

    /// <summary>Gets records stored by calls whose answer the client never saw: only these may arrive twice.</summary>
    public IReadOnlySet<string> UnknownOutcome => _unknownOutcome.SelectMany(Lines).ToHashSet();

    public IReadOnlyList<string> Violations => [.. _violations];

    public IReadOnlyList<FakeCall> Calls => [.. _calls];

    public int ConnectionCount => _server.ConnectionCount;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Each line keeps its own newline; an entry without one (a raw record) stays whole.
    private static IEnumerable<string> Lines(string entry)
    {
        var start = 0;
        for (var end = entry.IndexOf('\n', StringComparison.Ordinal); end >= 0; end = entry.IndexOf('\n', start))
        {
            yield return entry[start..(end + 1)];
            start = end + 1;
        }

        if (start < entry.Length)
        {
            yield return entry[start..];
        }
    }

    private Task<LoopbackResponse> HandleAsync(LoopbackRequest request, CancellationToken cancellationToken)
    {
        var problems = Check(request, out var target, out var records);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                _violations.Enqueue(problem);
            }

            return Task.FromResult(
                LoopbackResponse.Json(
                    400, "{\"__type\":\"SerializationException\",\"message\":\"fake firehose: malformed request\"}"));
        }

        var call = new FakeCall(Interlocked.Increment(ref _callCount), target!, records);
        _calls.Enqueue(call);
        var fault = Faults(call);
        switch (fault.Kind)
        {
            case FaultKind.Status:
                return Task.FromResult(
                    LoopbackResponse.Json(
                        fault.Status,
                        $"{{\"__type\":\"{fault.Code}\",\"message\":\"{fault.Message ?? "injected " + fault.Code}\"}}",
                        ("x-amzn-RequestId", "req-" + call.Number)));
            case FaultKind.StallBeforeStoring:
                return Task.FromResult(LoopbackResponse.Stalled());
            case FaultKind.DropBeforeStoring:
                return Task.FromResult(LoopbackResponse.Dropped());
            default:
                break;
        }

        var answers = new StringBuilder();
        var failed = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (fault.FailEntry?.Invoke(i, records[i]) == true)
            {
                failed++;
                answers.Append("{\"ErrorCode\":\"ServiceUnavailableException\",\"ErrorMessage\":\"Slow down.\"},");
                continue;
            }

            _delivered.Enqueue(records[i]);
            if (fault.Kind is FaultKind.StallAfterStoring or FaultKind.DropAfterStoring)
            {
                _unknownOutcome.Enqueue(records[i]);
            }

            answers.Append(CultureInfo.InvariantCulture, $"{{\"RecordId\":\"rec-{call.Number}-{i}\"}},");
        }

        if (fault.Kind == FaultKind.StallAfterStoring)
        {
            return Task.FromResult(LoopbackResponse.Stalled());
        }

        if (fault.Kind == FaultKind.DropAfterStoring)
        {
            return Task.FromResult(LoopbackResponse.Dropped());
        }

        var json = target == "Firehose_20150804.PutRecord"
            ? $"{{\"RecordId\":\"rec-{call.Number}\",\"Encrypted\":false}}"
            : $"{{\"FailedPutCount\":{failed},\"Encrypted\":false," +
                $"\"RequestResponses\":[{answers.ToString().TrimEnd(',')}]}}";
        return Task.FromResult(LoopbackResponse.Json(200, json, ("x-amzn-RequestId", "req-" + call.Number)));
    }

    private List<string> Check(LoopbackRequest request, out string? target, out List<string> records)
    {
        var problems = new List<string>();
        records = [];
        target = request.Header("X-Amz-Target");
        Expect(request.Method == "POST", $"method {request.Method}");
        Expect(request.Target == "/", $"path {request.Target}");
        Expect(
            request.Header("Content-Type") == "application/x-amz-json-1.1",
            $"content-type {request.Header("Content-Type")}");
        Expect(target is "Firehose_20150804.PutRecord" or "Firehose_20150804.PutRecordBatch", $"target {target}");
        Expect(request.Header("X-Amz-Security-Token") == SessionToken, "missing or wrong X-Amz-Security-Token");
        Expect(request.Header("Host") == $"{Url.Host}:{Url.Port}", $"host {request.Header("Host")}");
        CheckSignature(request, problems);
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            Expect(root.GetProperty("DeliveryStreamName").GetString() == Stream, "stream name");
            var entries = target == "Firehose_20150804.PutRecord"
                ? [root.GetProperty("Record")]
                : root.GetProperty("Records").EnumerateArray().ToList();
            Expect(entries.Count is >= 1 and <= 500, $"{entries.Count} records in one call");
            Expect(request.Body.Length <= 4_000_000, $"body of {request.Body.Length} bytes");
            foreach (var entry in entries)
            {
                var data = entry.GetProperty("Data").GetBytesFromBase64();
                Expect(data.Length <= 1_024_000, $"record of {data.Length} bytes");
                records.Add(Encoding.UTF8.GetString(data));
            }
        }
        catch (Exception exception) when (
            exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problems.Add("body: " + exception.Message);
        }

        return problems;

        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }
    }

    private static void CheckSignature(LoopbackRequest request, List<string> problems)
    {
        var authorization = request.Header("Authorization") ?? "";
        var parts = authorization.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        var signedList = parts.FirstOrDefault(p => p.StartsWith("SignedHeaders=", StringComparison.Ordinal))?[
            "SignedHeaders=".Length..]
            ?? "";
        var signed = signedList.Split(';');
        foreach (var required in new[] { "content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target" })
        {
            if (!signed.Contains(required))
            {
                problems.Add($"{required} is not signed");
            }
        }

        var date = DateTimeOffset.ParseExact(
            request.Header("X-Amz-Date") ?? "",
            "yyyyMMdd'T'HHmmss'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        var headers = request.Headers.Where(h => signed.Contains(h.Key.ToLowerInvariant())).ToList();
        var expected = new SigV4Signer(Region, "firehose").Sign(
            new SignableRequest("POST", "/", "", headers, request.Body), AccessKeyId, Secret, date);
        if (expected != authorization)
        {
            problems.Add($"signature mismatch: got {authorization}, expected {expected}");
        }
    }
}

/// <summary>One call the fake received, in order.</summary>
public sealed record FakeCall(int Number, string Target, IReadOnlyList<string> Records);

public enum FaultKind
{
    None,
    Status,
    StallBeforeStoring,
    StallAfterStoring,
    DropBeforeStoring,
    DropAfterStoring,
}

/// <summary>What the fake does with one call.</summary>
public sealed record Fault(
    FaultKind Kind,
    int Status = 200,
    string Code = "",
    Func<int,
    string,
    bool>? FailEntry = null,
    string? Message = null)
{
    public static Fault None { get; } = new(FaultKind.None);

    public static Fault Entries(Func<int, string, bool> fail) => new(FaultKind.None, FailEntry: fail);

    public static Fault Error(int status, string code, string? message = null) =>
        new(FaultKind.Status, status, code, Message: message);
}
