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
/// An in-process Firehose on loopback for throughput runs: speaks the JSON 1.1 protocol of PutRecord and
/// PutRecordBatch (every record accepted), counts the records whose <c>Data</c> decodes, and compares each with the
/// record expected. It does not check signatures or the model (the botocore-checked fake does, in CI); it is only
/// quick, and keeps connections alive.
/// </summary>
internal sealed class LoopbackFirehose : IAsyncDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";
    private const string RecordId = "49546986683135544286507457936321625675700192471156785154";
    private static readonly byte[] PutRecordAnswer = Encoding.UTF8.GetBytes($$"""{"RecordId":"{{RecordId}}","Encrypted":false}""");

    private readonly string _stream;
    private readonly byte[]? _expectedRecord;
    private readonly ConcurrentQueue<string> _problems = new();
    private WebApplication? _app;
    private long _records;
    private long _unexpectedRecords;
    private long _putRecordCalls;
    private long _putRecordBatchCalls;

    private LoopbackFirehose(string stream, byte[]? expectedRecord)
    {
        _stream = stream;
        _expectedRecord = expectedRecord;
    }

    /// <summary>The endpoint URL to give as <c>AWS_ENDPOINT_URL_FIREHOSE</c>.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Records received and accepted.</summary>
    public long Records => Interlocked.Read(ref _records);

    /// <summary>Records received whose bytes were not the record expected.</summary>
    public long UnexpectedRecords => Interlocked.Read(ref _unexpectedRecords);

    public long PutRecordCalls => Interlocked.Read(ref _putRecordCalls);

    public long PutRecordBatchCalls => Interlocked.Read(ref _putRecordBatchCalls);

    /// <summary>Requests that were not a well-formed PutRecord or PutRecordBatch to the stream.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <summary>Starts the fake.</summary>
    /// <param name="stream">The delivery stream name requests must carry.</param>
    /// <param name="expectedRecord">The bytes every record should have (a trailing new line aside); null accepts any.</param>
    public static async Task<LoopbackFirehose> StartAsync(string stream, byte[]? expectedRecord)
    {
        var firehose = new LoopbackFirehose(stream, expectedRecord);
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
            await AnswerAsync(context.Response, 400, Encoding.UTF8.GetBytes("""{"__type":"UnknownOperationException"}"""));
            return;
        }

        var reader = request.BodyReader;
        ReadResult read;
        while (!(read = await reader.ReadAsync(context.RequestAborted)).IsCompleted)
        {
            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }

        var (records, unexpected, error) = Read(read.Buffer, batch);
        reader.AdvanceTo(read.Buffer.End);
        if (error is not null)
        {
            _problems.Enqueue($"{target}: {error}");
            await AnswerAsync(context.Response, 400, Encoding.UTF8.GetBytes($$"""{"__type":"InvalidArgumentException","message":"{{error}}"}"""));
            return;
        }

        Interlocked.Add(ref _records, records);
        Interlocked.Add(ref _unexpectedRecords, unexpected);
        if (!batch)
        {
            Interlocked.Increment(ref _putRecordCalls);
            await AnswerAsync(context.Response, 200, PutRecordAnswer);
            return;
        }

        Interlocked.Increment(ref _putRecordBatchCalls);
        var answer = new StringBuilder("""{"FailedPutCount":0,"Encrypted":false,"RequestResponses":[""");
        for (var i = 0; i < records; i++)
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

    /// <summary>Counts the records of a PutRecord (<c>Record.Data</c>) or PutRecordBatch (<c>Records[].Data</c>) body.</summary>
    private (int Records, int Unexpected, string? Error) Read(ReadOnlySequence<byte> body, bool batch)
    {
        var dataDepth = batch ? 3 : 2;
        var records = 0;
        var unexpected = 0;
        var streamSeen = false;
        Span<byte> decoded = stackalloc byte[4096];
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
                        return (0, 0, "DeliveryStreamName is not the stream's");
                    }

                    streamSeen = true;
                }
                else if (json.CurrentDepth == dataDepth && json.ValueTextEquals("Data"u8))
                {
                    json.Read();
                    var base64 = json.HasValueSequence ? json.ValueSequence.ToArray() : json.ValueSpan;
                    if (json.TokenType != JsonTokenType.String || json.ValueIsEscaped || base64.Length == 0
                        || Base64.DecodeFromUtf8(base64, decoded, out _, out var written) != OperationStatus.Done)
                    {
                        return (0, 0, "a Data that is not base64, or over 3 KiB");
                    }

                    records++;
                    if (_expectedRecord is not null && !decoded[..written].TrimEnd((byte)'\n').SequenceEqual(_expectedRecord))
                    {
                        unexpected++;
                    }
                }
            }
        }
        catch (JsonException exception)
        {
            return (0, 0, "not JSON: " + exception.Message);
        }

        return !streamSeen ? (0, 0, "no DeliveryStreamName")
            : records == 0 || (!batch && records != 1) ? (0, 0, $"{records} records")
            : (records, unexpected, null);
    }
}
