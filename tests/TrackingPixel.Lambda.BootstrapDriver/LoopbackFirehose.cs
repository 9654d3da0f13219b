using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// An in-process Firehose on loopback for throughput runs and host tests: speaks the JSON 1.1 protocol of PutRecord
/// and PutRecordBatch, counts the Firehose records whose <c>Data</c> decodes and the NDJSON lines (pixel records) in
/// them, the 5 KB units Firehose would bill, and compares each line with the record expected. Optionally it answers
/// after a delay (an in-region call takes tens of milliseconds) and throttles chosen calls whole with a 503
/// <c>ServiceUnavailableException</c>, storing nothing of them. It does not check signatures or the model (the
/// botocore-checked fake does, in CI); it is only quick, and keeps connections alive.
/// </summary>
internal sealed class LoopbackFirehose : IAsyncDisposable
{
    /// <summary>Firehose bills Direct PUT ingestion per record, each rounded up to a multiple of 5 KB.</summary>
    public const int BillingUnitBytes = 5 * 1024;

    private const string ContentType = "application/x-amz-json-1.1";
    private const string RecordId = "49546986683135544286507457936321625675700192471156785154";
    private static readonly byte[] PutRecordAnswer = Encoding.UTF8.GetBytes(
        $$"""{"RecordId":"{{RecordId}}","Encrypted":false}""");
    private static readonly byte[] Throttled =
        Encoding.UTF8.GetBytes("""{"__type":"ServiceUnavailableException","message":"Slow down."}""");

    private readonly string _stream;
    private readonly byte[]? _expectedRecord;
    private readonly TimeSpan _latency;
    private readonly Func<long, bool> _throttle;
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<byte[]> _lines = new();
    private readonly ConcurrentQueue<int> _linesPerCall = new();
    private readonly bool _keepLines;
    private WebApplication? _app;
    private long _records;
    private long _lineCount;
    private long _billedUnits;
    private long _unexpectedRecords;
    private long _putRecordCalls;
    private long _putRecordBatchCalls;
    private long _calls;
    private long _throttledCalls;

    private LoopbackFirehose(
        string stream, byte[]? expectedRecord, TimeSpan latency, Func<long, bool>? throttle, bool keepLines)
    {
        _stream = stream;
        _expectedRecord = expectedRecord;
        _latency = latency;
        _throttle = throttle ?? (_ => false);
        _keepLines = keepLines;
    }

    /// <summary>The endpoint URL to give as <c>AWS_ENDPOINT_URL_FIREHOSE</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Firehose records received and accepted.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>NDJSON lines (pixel records) in the Firehose records accepted.</summary>
    public long Lines => Interlocked.Read(ref _lineCount);

    /// <summary>The 5 KB units Firehose would bill for the records accepted.</summary>
    public long BilledUnits => Interlocked.Read(ref _billedUnits);

    /// <summary>Lines received whose bytes were not the record expected.</summary>
    public long UnexpectedRecords => Interlocked.Read(ref _unexpectedRecords);

    public long PutRecordCalls => Interlocked.Read(ref _putRecordCalls);

    public long PutRecordBatchCalls => Interlocked.Read(ref _putRecordBatchCalls);

    /// <summary>Calls answered with a 503, their records not stored.</summary>
    public long ThrottledCalls => Interlocked.Read(ref _throttledCalls);

    /// <summary>Every line accepted, newline included, when the fake was started to keep them.</summary>
    public IReadOnlyList<byte[]> ReceivedLines => [.. _lines];

    /// <summary>How many lines each accepted call carried, in the order the calls were answered.</summary>
    public IReadOnlyList<int> LinesPerCall => [.. _linesPerCall];

    /// <summary>Requests that were not a well-formed PutRecord or PutRecordBatch to the stream.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Starts the fake.</summary>
    /// <param name="stream">The delivery stream name requests must carry.</param>
    /// <param name="expectedRecord">The bytes every line should have (its new line aside); null accepts any.</param>
    /// <param name="latency">How long each call takes before it is answered.</param>
    /// <param name="throttle">Given the call's number (from 1), whether to answer it 503 and store nothing.</param>
    /// <param name="keepLines">Whether to keep every line for <see cref="ReceivedLines"/>.</param>
    public static async Task<LoopbackFirehose> StartAsync(
        string stream,
        byte[]? expectedRecord,
        TimeSpan latency = default,
        Func<long, bool>? throttle = null,
        bool keepLines = false)
    {
        var firehose = new LoopbackFirehose(stream, expectedRecord, latency, throttle, keepLines);
        (firehose._app, var authority) = await Loopback.StartAsync(firehose.HandleAsync);
        firehose.Url = new Uri($"http://{authority}/");
        return firehose;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await Loopback.StopAsync(_app);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Headers["X-Amz-Target"].ToString();
        var batch = target == "Firehose_20150804.PutRecordBatch";
        if (!HttpMethods.IsPost(request.Method) || (!batch && target != "Firehose_20150804.PutRecord"))
        {
            _problems.Enqueue($"unexpected {request.Method} {request.Path} X-Amz-Target: {target}");
            await AnswerAsync(
                context.Response, 400, Encoding.UTF8.GetBytes("""{"__type":"UnknownOperationException"}"""));
            return;
        }

        var reader = request.BodyReader;
        ReadResult read;
        while (!(read = await reader.ReadAsync(context.RequestAborted)).IsCompleted)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var (records, lines, error) = Read(read.Buffer, batch);
        reader.AdvanceTo(read.Buffer.End);
        if (error is not null)
        {
            _problems.Enqueue($"{target}: {error}");
            await AnswerAsync(
                context.Response,
                400,
                Encoding.UTF8.GetBytes($$"""{"__type":"InvalidArgumentException","message":"{{error}}"}"""));
            return;
        }

        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency);
        }

        if (_throttle(Interlocked.Increment(ref _calls)))
        {
            Interlocked.Increment(ref _throttledCalls);
            await AnswerAsync(context.Response, 503, Throttled);
            return;
        }

        Store(records, lines);
        if (!batch)
        {
            Interlocked.Increment(ref _putRecordCalls);
            await AnswerAsync(context.Response, 200, PutRecordAnswer);
            return;
        }

        Interlocked.Increment(ref _putRecordBatchCalls);
        var answer = new StringBuilder("""{"FailedPutCount":0,"Encrypted":false,"RequestResponses":[""");
        for (var i = 0; i < records.Count; i++)
        {
            answer.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""{"RecordId":"{{RecordId}}"}""");
        }

        await AnswerAsync(context.Response, 200, Encoding.UTF8.GetBytes(answer.Append("]}").ToString()));
    }

    private static async Task AnswerAsync(HttpResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.Headers["x-amzn-RequestId"] = "00000000-0000-4000-8000-000000000000";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    private void Store(List<int> recordSizes, List<byte[]> lines)
    {
        Interlocked.Add(ref _records, recordSizes.Count);
        Interlocked.Add(ref _billedUnits, recordSizes.Sum(size => (size + BillingUnitBytes - 1) / BillingUnitBytes));
        Interlocked.Add(ref _lineCount, lines.Count);
        _linesPerCall.Enqueue(lines.Count);
        foreach (var line in lines)
        {
            if (_expectedRecord is not null && !line.AsSpan().TrimEnd((byte)'\n').SequenceEqual(_expectedRecord))
            {
                Interlocked.Increment(ref _unexpectedRecords);
            }

            if (_keepLines)
            {
                _lines.Enqueue(line);
            }
        }
    }

    /// <summary>
    /// Reads the records of a PutRecord (<c>Record.Data</c>) or PutRecordBatch (<c>Records[].Data</c>) body, and the
    /// lines in them.
    /// </summary>
    private (List<int> Sizes, List<byte[]> Lines, string? Error) Read(ReadOnlySequence<byte> body, bool batch)
    {
        var dataDepth = batch ? 3 : 2;
        var records = new List<int>();
        var lines = new List<byte[]>();
        var streamSeen = false;
        try
        {
            var json = new Utf8JsonReader(body);
            while (json.Read())
            {
                if (json.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (json.CurrentDepth == 1 && json.ValueTextEquals("DeliveryStreamName"u8))
                {
                    json.Read();
                    if (json.TokenType != JsonTokenType.String || json.GetString() != _stream)
                    {
                        return ([], [], "DeliveryStreamName is not the stream's");
                    }

                    streamSeen = true;
                }
                else if (json.CurrentDepth == dataDepth && json.ValueTextEquals("Data"u8))
                {
                    json.Read();
                    var base64 = json.HasValueSequence ? json.ValueSequence.ToArray() : json.ValueSpan;
                    if (json.TokenType != JsonTokenType.String || json.ValueIsEscaped
                        || !TryDecode(base64, out var data))
                    {
                        return ([], [], "a Data that is not base64");
                    }

                    records.Add(data.Length);
                    SplitLines(data, lines);
                }
            }
        }
        catch (JsonException exception)
        {
            return ([], [], "not JSON: " + exception.Message);
        }

        return !streamSeen ? ([], [], "no DeliveryStreamName")
            : records.Count == 0 || (!batch && records.Count != 1) ? ([], [], $"{records.Count} records")
            : (records, lines, null);
    }

    private static bool TryDecode(ReadOnlySpan<byte> base64, out byte[] data)
    {
        data = new byte[Base64.GetMaxDecodedFromUtf8Length(base64.Length)];
        if (base64.IsEmpty || Base64.DecodeFromUtf8(base64, data, out _, out var written) != OperationStatus.Done)
        {
            return false;
        }

        data = data[..written];
        return true;
    }

    // Several NDJSON lines may share one Firehose record (packing): each line is one pixel record.
    private static void SplitLines(byte[] data, List<byte[]> lines)
    {
        var rest = data.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..(end + 1)];
            lines.Add(line.ToArray());
            rest = rest[line.Length..];
        }
    }
}
