using System.Text;
using Microsoft.Extensions.Logging;
using TrackingPixel.Aws;
using TrackingPixel.Firehose.Client;
using TrackingPixel.Firehose.Diagnostics;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Publishing;

/// <summary>
/// Publishes records to a Firehose delivery stream: batched within the limits, retried with backoff, never silently
/// dropped.
/// </summary>
/// <remarks>
/// Thread-safe. Entries a batch reports as failed are sent again, alone; throttling, 5xx answers, timeouts and broken
/// connections are retried with exponential backoff and full jitter until
/// <see cref="FirehosePublisherOptions.MaxAttempts"/>, <see cref="FirehosePublisherOptions.MaxPublishDuration"/> or the
/// caller's token runs out; configuration and permission errors are not retried. Whatever is finally not delivered is
/// reported with a <see cref="RecordPublishException"/> naming exactly those records, so the pipeline keeps them for
/// replay. A retry after a timeout or a lost connection can deliver a record twice: delivery is at-least-once.
/// </remarks>
internal sealed partial class FirehosePublisher : IRecordPublisher, IDisposable
{
    private readonly FirehoseClient _client;
    private readonly FirehosePublisherOptions _options;
    private readonly string _stream;
    private readonly FirehosePublisherMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TextWriter? _metricsOutput;
    private readonly IReadOnlyList<IDisposable> _owned;

    public FirehosePublisher(
        FirehoseClient client,
        FirehosePublisherOptions options,
        FirehosePublisherMetrics metrics,
        TimeProvider time,
        ILogger logger,
        TextWriter? metricsOutput = null,
        IReadOnlyList<IDisposable>? owned = null)
    {
        _client = client;
        _options = options;
        _stream = options.DeliveryStreamName
            ?? throw new ArgumentException("DeliveryStreamName is required.", nameof(options));
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _metricsOutput = options.EmitEmbeddedMetrics ? metricsOutput ?? Console.Out : null;
        _owned = owned ?? [];
    }

    /// <summary>Gets one PutRecordBatch call's limits: 500 records, and bytes whose base64 body fits in 4 MB.</summary>
    public PublisherLimits Limits { get; } =
        new(FirehoseLimits.MaxBatchRecords, (FirehoseLimits.MaxBatchBodyBytes / 4 * 3) - 10_000);

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishCoreAsync([record], single: true, cancellationToken);

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PublishCoreAsync(records, single: false, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private async ValueTask PublishCoreAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, bool single, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var started = _time.GetTimestamp();
        var call = new PublishCall(records.Count);
        using var budget = new CancellationTokenSource(_options.MaxPublishDuration, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);

        var sendable = new List<int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Length > FirehoseLimits.MaxRecordBytes)
            {
                call.Fail(
                    [i],
                    $"a record of {records[i].Length} bytes is over Firehose's limit of " +
                        $"{FirehoseLimits.MaxRecordBytes} bytes; lower TrackingPixelOptions.MaxRecordBytes");
            }
            else
            {
                sendable.Add(i);
            }
        }

        // Packed, the batches below are made of packed records; the call's bookkeeping maps them back to pixel records.
        IReadOnlyList<ReadOnlyMemory<byte>> units = records;
        IReadOnlyList<int> unitIndices = sendable;
        if (_options.PackedRecordBytes > 0 && sendable.Count > 1)
        {
            var (packs, members) = RecordPacker.Pack(records, sendable, _options.PackedRecordBytes);
            (units, unitIndices, call.Members) = (packs, Enumerable.Range(0, packs.Count).ToList(), members);
        }

        foreach (var batch in BatchPlanner.Split(units, unitIndices))
        {
            if (call.FatalReason is not null || linked.IsCancellationRequested)
            {
                call.Fail(
                    batch, call.FatalReason ?? OutOfTime(cancellationToken.IsCancellationRequested, call.LastReason));
                continue;
            }

            var putRecord = single && records.Count == 1;
            await SendBatchAsync(units, batch, putRecord, call, linked.Token, cancellationToken).ConfigureAwait(false);
        }

        Finish(call, started);
        if (call.Failed.Count > 0)
        {
            var failed = call.Failed.Order().ToArray();
            var message = call.Describe(_stream);
            Log.NotDelivered(_logger, failed.Length, records.Count, _stream, call.FatalReason ?? call.LastReason);
            throw new RecordPublishException(message, failed, call.LastError);
        }
    }

    // Sends one batch until every entry is stored or the outcome of an attempt says to stop; what each outcome means
    // is decided by AwsErrors alone.
    private async Task SendBatchAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records,
        List<int> pending,
        bool putRecord,
        PublishCall call,
        CancellationToken token,
        CancellationToken caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            AwsOutcome outcome;
            try
            {
                call.Requests++;
                _metrics.OnRequest();
                (pending, outcome) = putRecord
                    ? await PutRecordAsync(records, pending, call, token).ConfigureAwait(false)
                    : await PutRecordBatchAsync(records, pending, call, token).ConfigureAwait(false);
                if (pending.Count == 0)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                outcome = AwsErrors.Classify(exception, token.IsCancellationRequested, Advice);
                if (!outcome.OutOfTime)
                {
                    call.LastError = exception;
                }

                if (outcome.Throttled)
                {
                    _metrics.OnThrottled(1);
                }
            }

            if (outcome.Decision != AwsDecision.Retry)
            {
                call.FatalReason = outcome.Decision == AwsDecision.FailFast ? outcome.Reason : call.FatalReason;
                call.Fail(pending, outcome.Reason ?? OutOfTime(caller.IsCancellationRequested, call.LastReason));
                return;
            }

            if (attempt >= _options.MaxAttempts)
            {
                call.Fail(pending, $"gave up after {attempt} attempts; last: {outcome.Reason}");
                return;
            }

            var delay = Backoff.FullJitter(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, Random.Shared);
            var retried = call.Weight(pending);
            call.Retried += retried;
            _metrics.OnRetried(retried);
            Log.Retrying(_logger, retried, attempt, delay.TotalMilliseconds, outcome.Reason!);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                call.Fail(pending, OutOfTime(caller.IsCancellationRequested, outcome.Reason));
                return;
            }
        }
    }

    private async Task<(List<int> Pending, AwsOutcome Outcome)> PutRecordAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, List<int> pending, PublishCall call, CancellationToken token)
    {
        await _client.PutRecordAsync(_stream, records[pending[0]], token).ConfigureAwait(false);
        call.Published += call.Weight(pending);
        return ([], default);
    }

    // Entries the batch reports as failed stay pending, unless their error says no retry can help.
    private async Task<(List<int> Pending, AwsOutcome Outcome)> PutRecordBatchAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, List<int> pending, PublishCall call, CancellationToken token)
    {
        var errors = await _client.PutRecordBatchAsync(_stream, records, pending, token).ConfigureAwait(false);
        if (errors is null)
        {
            const string unreadable = "Firehose's PutRecordBatch answer could not be read (outcome unknown)";
            return (pending, new(AwsDecision.Retry, unreadable));
        }

        var stillFailing = new List<int>();
        string? firstCode = null;
        for (var i = 0; i < errors.Length; i++)
        {
            if (errors[i] is not { } code)
            {
                continue;
            }

            var entry = AwsErrors.ClassifyEntry(code);
            if (entry.Throttled)
            {
                _metrics.OnThrottled(1);
            }

            if (entry.Decision == AwsDecision.Retry)
            {
                firstCode ??= code;
                stillFailing.Add(pending[i]);
            }
            else
            {
                call.Fail([pending[i]], entry.Reason!);
            }
        }

        call.Published += call.Weight(pending.Where((_, i) => errors[i] is null));
        var reason = $"{stillFailing.Count} of {pending.Count} entries failed inside the batch ({firstCode})";
        return (stillFailing, new(AwsDecision.Retry, reason));
    }

    private string Advice(AwsServiceException exception) =>
        $"{FirehoseErrors.Advice(exception.ErrorCode, _stream, _client.Endpoint.Region)} ({exception.Message}; " +
            $"request id {exception.RequestId ?? "none"})";

    private string OutOfTime(bool callerCancelled, string? lastReason) =>
        (callerCancelled
            ? "the caller's time (in Lambda, the invocation deadline) ran out"
            : $"MaxPublishDuration ({_options.MaxPublishDuration}) ran out")
        + (lastReason is null ? "" : $"; last: {lastReason}");

    private void Finish(PublishCall call, long started)
    {
        _metrics.OnPublished(call.Published);
        _metrics.OnFailed(call.Failed.Count);
        if (_metricsOutput is null)
        {
            return;
        }

        using var line = new PooledBuffer(1024);
        var summary = new PublishSummary(
            call.Published, call.Retried, call.Failed.Count, call.Requests, _time.GetElapsedTime(started));
        EmbeddedMetricsLine.Write(line, _options.EmbeddedMetricsNamespace, _stream, _time.GetUtcNow(), summary);
        _metricsOutput.Write(Encoding.UTF8.GetString(line.WrittenSpan));
    }
}
