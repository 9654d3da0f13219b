using Microsoft.Extensions.Logging;

namespace TrackingPixel.Publishing;

internal sealed partial class RecordBatcher
{
    private async ValueTask PublishAndSettleAsync(RecordBatch batch)
    {
        var records = batch.Records;
        CancellationTokenSource? linked = null;
        try
        {
            var token = batch.Token(out linked);
            // A lone record takes the single-record call, which a publisher may make cheaper (Firehose: PutRecord).
            if (records.Count == 1)
            {
                await _publisher.PublishAsync(records[0], token).ConfigureAwait(false);
            }
            else
            {
                await _publisher.PublishAsync(records, token).ConfigureAwait(false);
            }
            _metrics.OnPublished(records.Count);
        }
        catch (RecordPublishException partial) when (FailedSubset(partial, records.Count) is { } failed)
        {
            _metrics.OnPublished(records.Count - failed.Count);
            KeepUndelivered(batch, failed, partial);
        }
        catch (Exception exception)
        {
            KeepUndelivered(batch, null, exception);
        }
        finally
        {
            linked?.Dispose();
        }
    }

    /// <summary>
    /// Gets the distinct failed positions, or <see langword="null"/> when they cannot be trusted to be a subset.
    /// </summary>
    /// <remarks>
    /// An empty or out-of-range list means the publisher cannot say which records it kept, so all of them are treated
    /// as failed: a record replayed twice is recoverable, one never replayed is lost.
    /// </remarks>
    private static HashSet<int>? FailedSubset(RecordPublishException exception, int count)
    {
        var failed = new HashSet<int>(exception.FailedIndices);
        return failed.Count > 0 && failed.All(i => i >= 0 && i < count) ? failed : null;
    }

    private void KeepUndelivered(RecordBatch batch, HashSet<int>? failed, Exception reason)
    {
        // One log line per batch, not per record: a failed batch of 500 should not flood the log it is kept in.
        var why = Reason(reason);
        var kept = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (failed is null || failed.Contains(i))
            {
                var outcome = TryKeep(batch.Records[i].Span, why);
                batch.SetOutcome(i, outcome);
                kept += outcome == PublishOutcome.Undelivered ? 1 : 0;
            }
        }

        if (kept > 0)
        {
            Log.Undelivered(_logger, kept, why);
        }
    }

    private PublishOutcome Keep(ReadOnlySpan<byte> record, string why)
    {
        var outcome = TryKeep(record, why);
        if (outcome == PublishOutcome.Undelivered)
        {
            Log.Undelivered(_logger, 1, why);
        }

        return outcome;
    }

    private static string Reason(Exception exception) =>
        exception is OperationCanceledException ? "publishing ran out of time" : exception.Message;

    private PublishOutcome TryKeep(ReadOnlySpan<byte> record, string why)
    {
        try
        {
            _undelivered.Write(record, why);
            _metrics.OnUndelivered();
            return PublishOutcome.Undelivered;
        }
        catch (Exception exception)
        {
            _metrics.OnLost();
            LossReport.Write(_metrics.RecordsLost, exception);
            Log.Lost(_logger, exception);
            return PublishOutcome.Lost;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(
            4,
            LogLevel.Warning,
            "{Count} record(s) not published, kept for replay by the undelivered-record sink: {Reason}")]
        public static partial void Undelivered(ILogger logger, int count, string reason);

        [LoggerMessage(
            5, LogLevel.Critical, "A record was lost: neither published nor kept by the undelivered-record sink")]
        public static partial void Lost(ILogger logger, Exception exception);
    }
}
