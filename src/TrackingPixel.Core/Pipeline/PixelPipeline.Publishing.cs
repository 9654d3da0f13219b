using TrackingPixel.Publishing;

namespace TrackingPixel;

public sealed partial class PixelPipeline
{
    /// <summary>Publishes one record; if it is not accepted it goes to the undelivered-record sink. Never
    /// throws.</summary>
    /// <param name="record">The record; still owned by the caller.</param>
    /// <param name="cancellationToken">Bounds the time spent publishing, retries included.</param>
    /// <returns>A task that completes when the record is published or kept for replay.</returns>
    public async ValueTask PublishAsync(PixelRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await _publisher.PublishAsync(record.Data, cancellationToken).ConfigureAwait(false);
            Metrics.OnPublished(1);
        }
        catch (Exception exception)
        {
            KeepUndelivered(record.Data.Span, exception);
        }
    }

    /// <summary>Publishes several records; those not accepted go to the undelivered-record sink. Never
    /// throws.</summary>
    /// <param name="records">The records; still owned by the caller.</param>
    /// <param name="cancellationToken">Bounds the time spent publishing, retries included.</param>
    /// <returns>A task that completes when every record is published or kept for replay.</returns>
    public async ValueTask PublishAsync(IReadOnlyList<PixelRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        var data = new ReadOnlyMemory<byte>[records.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = records[i].Data;
        }

        try
        {
            await _publisher.PublishAsync(data, cancellationToken).ConfigureAwait(false);
            Metrics.OnPublished(data.Length);
        }
        catch (RecordPublishException partial) when (FailedSubset(partial, data.Length) is { } failed)
        {
            Metrics.OnPublished(data.Length - failed.Count);
            KeepUndelivered(data, failed, partial);
        }
        catch (Exception exception)
        {
            KeepUndelivered(data, null, exception);
        }
    }

    /// <summary>Gets the distinct failed positions, or <see langword="null"/> when they cannot be trusted to be a
    /// subset.</summary>
    /// <remarks>
    /// An empty or out-of-range list means the publisher cannot say which records it kept, so all of them are treated
    /// as failed: a record replayed twice is recoverable, one never replayed is lost.
    /// </remarks>
    private static HashSet<int>? FailedSubset(RecordPublishException exception, int count)
    {
        var failed = new HashSet<int>(exception.FailedIndices);
        return failed.Count > 0 && failed.All(i => i >= 0 && i < count) ? failed : null;
    }

    private void KeepUndelivered(ReadOnlySpan<byte> record, Exception reason)
    {
        var why = Reason(reason);
        if (TryKeep(record, why))
        {
            Log.Undelivered(_logger, 1, why);
        }
    }

    private void KeepUndelivered(ReadOnlyMemory<byte>[] records, HashSet<int>? failed, Exception reason)
    {
        // One log line per batch, not per record: a failed batch of 500 should not flood the log it is kept in.
        var why = Reason(reason);
        var kept = 0;
        for (var i = 0; i < records.Length; i++)
        {
            if ((failed is null || failed.Contains(i)) && TryKeep(records[i].Span, why))
            {
                kept++;
            }
        }

        if (kept > 0)
        {
            Log.Undelivered(_logger, kept, why);
        }
    }

    private static string Reason(Exception exception) =>
        exception is OperationCanceledException ? "publishing ran out of time" : exception.Message;

    private bool TryKeep(ReadOnlySpan<byte> record, string why)
    {
        try
        {
            _undelivered.Write(record, why);
            Metrics.OnUndelivered();
            return true;
        }
        catch (Exception exception)
        {
            Metrics.OnLost();
            LossReport.Write(Metrics.RecordsLost, exception);
            Log.Lost(_logger, exception);
            return false;
        }
    }
}
