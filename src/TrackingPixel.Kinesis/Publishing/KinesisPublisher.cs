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

    private async Task SendAsync(
        List<KinesisEntry> pending, PublishCall call, CancellationToken token, CancellationToken caller)
    {
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            try
            {
                _metrics.OnRequest();
                var errors = await PutRecordsAsync(pending, token).ConfigureAwait(false);
                if (errors is null)
                {
                    reason = "Kinesis's PutRecords answer could not be read (outcome unknown)";
                }
                else
                {
                    var (stillFailing, fatal, firstCode) = Sort(pending, errors);
                    call.Published += pending.Where((_, i) => errors[i] is null).Sum(e => e.Members.Count);
                    if (fatal.Count > 0)
                    {
                        // A KMS key that cannot be used fails every record alike: no retry, and the rest is not sent.
                        call.FatalReason = Advice(fatal[0].Code, $"{fatal.Count} of {pending.Count} entries failed");
                        var givenUp = fatal.SelectMany(f => f.Entry.Members).Concat(Members(stillFailing));
                        call.Fail(givenUp, call.FatalReason);
                        return;
                    }

                    if (stillFailing.Count == 0)
                    {
                        return;
                    }

                    reason = $"{stillFailing.Count} of {pending.Count} entries failed inside the call ({firstCode})";
                    pending = stillFailing;
                }
            }
            catch (AwsServiceException exception)
                when (!KinesisErrors.IsRetryable(exception.ErrorCode, exception.StatusCode))
            {
                call.LastError = exception;
                var advice = Advice(
                    exception.ErrorCode, $"{exception.Message}; request id {exception.RequestId ?? "none"}");

                // An invalid request is this call's problem (a record, say); the next call may well be fine.
                call.FatalReason = exception.ErrorCode is "InvalidArgumentException" or "ValidationException"
                    ? null
                    : advice;
                call.Fail(Members(pending), advice);
                return;
            }
            catch (CredentialsException exception) when (!exception.IsTransient)
            {
                call.LastError = exception;
                call.FatalReason = exception.Message;
                call.Fail(Members(pending), exception.Message);
                return;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                call.Fail(Members(pending), OutOfTime(caller.IsCancellationRequested, call.LastReason));
                return;
            }
            catch (Exception exception) when (exception is AwsServiceException or HttpRequestException
                or TimeoutException or CredentialsException or IOException)
            {
                call.LastError = exception;
                reason = exception is HttpRequestException
                    ? $"the connection failed ({exception.Message})"
                    : exception.Message;
                if (exception is AwsServiceException service
                    && KinesisErrors.IsThrottling(service.ErrorCode, service.StatusCode))
                {
                    _metrics.OnThrottled(1);
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // A bug, not a Kinesis answer: report only this call, so records already delivered are not kept twice.
                call.LastError = exception;
                call.Fail(Members(pending), $"unexpected {exception.GetType().Name}: {exception.Message}");
                return;
            }

            if (attempt >= _options.MaxAttempts)
            {
                call.Fail(Members(pending), $"gave up after {attempt} attempts; last: {reason}");
                return;
            }

            var delay = Backoff.FullJitter(attempt, _options.BaseRetryDelay, _options.MaxRetryDelay, Random.Shared);
            _metrics.OnRetried(pending.Sum(e => e.Members.Count));
            Log.Retrying(_logger, pending.Count, attempt, delay.TotalMilliseconds, reason);
            try
            {
                await Task.Delay(delay, _time, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                call.Fail(Members(pending), OutOfTime(caller.IsCancellationRequested, reason));
                return;
            }
        }
    }

    private async Task<string?[]?> PutRecordsAsync(List<KinesisEntry> entries, CancellationToken token)
    {
        using var body = new PooledBuffer(PutRecordsBody.Overhead + entries.Sum(PutRecordsBody.SizeOf));
        PutRecordsBody.Write(body, _stream, entries);
        var answer = await _client.SendAsync(Target, body, token).ConfigureAwait(false);
        return PutRecordsResponse.Read(answer, entries.Count);
    }

    /// <summary>Sorts the failed entries of an answer into those worth sending again and those no retry can
    /// fix.</summary>
    private (List<KinesisEntry> Retry, List<(KinesisEntry Entry, string Code)> Fatal, string? FirstCode) Sort(
        List<KinesisEntry> sent, string?[] errors)
    {
        var retry = new List<KinesisEntry>();
        var fatal = new List<(KinesisEntry, string)>();
        string? first = null;
        for (var i = 0; i < errors.Length; i++)
        {
            if (errors[i] is not { } code)
            {
                continue;
            }

            first ??= code;
            if (KinesisErrors.IsThrottling(code, 0))
            {
                _metrics.OnThrottled(1);
            }

            if (KinesisErrors.IsRetryable(code, 0) || code == "MissingSequenceNumber")
            {
                retry.Add(sent[i]);
            }
            else
            {
                fatal.Add((sent[i], code));
            }
        }

        return (retry, fatal, first);
    }

    private static IEnumerable<int> Members(IEnumerable<KinesisEntry> entries) => entries.SelectMany(e => e.Members);

    private string Advice(string code, string detail) =>
        $"{KinesisErrors.Advice(code, _stream, _client.Endpoint.Region)} ({detail})";

    private string OutOfTime(bool callerCancelled, string? lastReason) =>
        (callerCancelled
            ? "the caller's time (in Lambda, the invocation deadline) ran out"
            : $"MaxPublishDuration ({_options.MaxPublishDuration}) ran out")
        + (lastReason is null ? "" : $"; last: {lastReason}");
}
