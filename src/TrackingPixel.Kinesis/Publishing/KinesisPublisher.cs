using Microsoft.Extensions.Logging;
using TrackingPixel.Aws;
using TrackingPixel.Kinesis.Client;
using TrackingPixel.Kinesis.Diagnostics;
using TrackingPixel.Publishing;

namespace TrackingPixel.Kinesis.Publishing;

/// <summary>Puts records to a Kinesis data stream with PutRecords: within its limits, failed entries sent again
/// with backoff, never silently dropped.</summary>
/// <remarks>
/// Thread-safe. Entries PutRecords reports as failed (throttled shards, KMS throttling, internal failures) are sent
/// again, alone; throttled or failed calls, timeouts and broken connections are retried with exponential backoff and
/// full jitter until <see cref="KinesisPublisherOptions.MaxAttempts"/>,
/// <see cref="KinesisPublisherOptions.MaxPublishDuration"/> or the caller's token runs out; configuration,
/// permission and KMS-key errors are not retried. Whatever is not delivered is reported with a
/// <see cref="RecordPublishException"/> naming exactly those pixel records (all of a packed Kinesis record's), so the
/// pipeline keeps them for replay. Delivery is at-least-once.
/// </remarks>
internal sealed partial class KinesisPublisher : IRecordPublisher, IDisposable
{
    private const string Target = "Kinesis_20131202.PutRecords";
    private readonly AwsJsonClient _client;
    private readonly KinesisPublisherOptions _options;
    private readonly KinesisStream _stream;
    private readonly PartitionKeys _keys;
    private readonly KinesisPublisherMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IReadOnlyList<IDisposable> _owned;

    public KinesisPublisher(
        AwsJsonClient client,
        KinesisPublisherOptions options,
        KinesisPublisherMetrics metrics,
        TimeProvider time,
        ILogger logger,
        IReadOnlyList<IDisposable>? owned = null)
    {
        _client = client;
        _options = options;
        _stream = KinesisStream.Parse(options.Stream)
            ?? throw new ArgumentException("Stream must be a stream name or ARN.", nameof(options));
        _keys = new PartitionKeys(options.PartitionKeyField);
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _owned = owned ?? [];
    }

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishCoreAsync([record], cancellationToken);

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return PublishCoreAsync(records, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private async ValueTask PublishCoreAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var call = new PublishCall(records.Count);
        using var budget = new CancellationTokenSource(_options.MaxPublishDuration, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);

        var sendable = new List<int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Length > KinesisLimits.MaxDataBytes)
            {
                call.Fail(
                    [i],
                    $"a record of {records[i].Length} bytes is over what a Kinesis record holds with its key "
                    + $"({KinesisLimits.MaxDataBytes} bytes); lower TrackingPixelOptions.MaxRecordBytes");
            }
            else
            {
                sendable.Add(i);
            }
        }

        var entries = RecordPacker.Pack(records, sendable, _keys, _options.PackedRecordBytes);
        foreach (var batch in CallPlanner.Split(entries))
        {
            if (call.FatalReason is not null || linked.IsCancellationRequested)
            {
                var reason = call.FatalReason ?? OutOfTime(cancellationToken.IsCancellationRequested, call.LastReason);
                call.Fail(Members(batch), reason);
                continue;
            }

            await SendAsync(batch, call, linked.Token, cancellationToken).ConfigureAwait(false);
        }

        _metrics.OnPublished(call.Published);
        _metrics.OnFailed(call.Failed.Count);
        if (call.Failed.Count > 0)
        {
            var failed = call.Failed.Order().ToArray();
            var why = call.FatalReason ?? call.LastReason;
            Log.NotDelivered(_logger, failed.Length, records.Count, _stream.Name, why);
            throw new RecordPublishException(
                $"{failed.Length} of {records.Count} records were not delivered to Kinesis stream "
                + $"'{_stream.Name}': {why}",
                failed,
                call.LastError);
        }
    }

    // Sends one call's entries until every one is stored or an attempt's outcome says to stop; what each outcome
    // means is decided by the shared AwsErrors, as for Firehose.
    private async Task SendAsync(
        List<KinesisEntry> pending, PublishCall call, CancellationToken token, CancellationToken caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            AwsOutcome outcome;
            try
            {
                _metrics.OnRequest();
                (pending, outcome) = await PutRecordsAsync(pending, call, token).ConfigureAwait(false);
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
                var reason = outcome.Reason ?? OutOfTime(caller.IsCancellationRequested, call.LastReason);
                call.Fail(Members(pending), reason);
                return;
            }

            if (attempt >= _options.MaxAttempts)
            {
                call.Fail(Members(pending), $"gave up after {attempt} attempts; last: {outcome.Reason}");
                return;
            }

            var delay = Backoff.FullJitter(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, Random.Shared);
            _metrics.OnRetried(pending.Sum(e => e.Members.Count));
            Log.Retrying(_logger, pending.Count, attempt, delay.TotalMilliseconds, outcome.Reason!);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                call.Fail(Members(pending), OutOfTime(caller.IsCancellationRequested, outcome.Reason));
                return;
            }
        }
    }

    // Entries the answer reports as failed stay pending, unless their error says no retry can help (a KMS key the
    // role may not use, say): those are given up on at once.
    private async Task<(List<KinesisEntry> Pending, AwsOutcome Outcome)> PutRecordsAsync(
        List<KinesisEntry> entries, PublishCall call, CancellationToken token)
    {
        string?[]? errors;
        using (var body = new PooledBuffer(PutRecordsBody.Overhead + entries.Sum(PutRecordsBody.SizeOf)))
        {
            PutRecordsBody.Write(body, _stream, entries);
            var answer = await _client.SendAsync(Target, body, token).ConfigureAwait(false);
            errors = PutRecordsResponse.Read(answer, entries.Count);
        }

        if (errors is null)
        {
            var unknown = "Kinesis's PutRecords answer could not be read (outcome unknown)";
            return (entries, new(AwsDecision.Retry, unknown));
        }

        var stillFailing = new List<KinesisEntry>();
        string? firstCode = null;
        for (var i = 0; i < errors.Length; i++)
        {
            if (errors[i] is not { } code)
            {
                call.Published += entries[i].Members.Count;
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
                stillFailing.Add(entries[i]);
            }
            else
            {
                call.Fail(entries[i].Members, Advice(code, entry.Reason!));
            }
        }

        var reason = $"{stillFailing.Count} of {entries.Count} entries failed inside the call ({firstCode})";
        return (stillFailing, new(AwsDecision.Retry, reason));
    }

    private static IEnumerable<int> Members(IEnumerable<KinesisEntry> entries) => entries.SelectMany(e => e.Members);

    private string Advice(AwsServiceException exception) =>
        Advice(exception.ErrorCode, $"{exception.Message}; request id {exception.RequestId ?? "none"}");

    private string Advice(string code, string detail) =>
        $"{KinesisErrors.Advice(code, _stream, _client.Endpoint.Region)} ({detail})";

    private string OutOfTime(bool callerCancelled, string? lastReason) =>
        (callerCancelled
            ? "the caller's time (in Lambda, the invocation deadline) ran out"
            : $"MaxPublishDuration ({_options.MaxPublishDuration}) ran out")
        + (lastReason is null ? "" : $"; last: {lastReason}");
}
