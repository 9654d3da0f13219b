using TrackingPixel.Publishing;

namespace TrackingPixel;

public sealed partial class PixelPipeline : IAsyncDisposable, IDisposable
{
    /// <summary>
    /// Publishes one record through the batching spine; if it is not accepted it goes to the undelivered-record sink.
    /// </summary>
    /// <param name="record">The record; still owned by the caller, who keeps it undisposed until the task
    /// completes.</param>
    /// <param name="cancellationToken">Bounds the wait for room and the publisher call of the record's batch.</param>
    /// <returns>
    /// A task that completes with what became of this record once it is stored or kept; it never faults.
    /// </returns>
    /// <remarks>
    /// The record joins the records of concurrent callers in one publisher call (see
    /// <see cref="RecordBatchingOptions"/>); a record that finds the publisher free is sent at once, alone, so one
    /// caller at a time makes one call per record.
    /// </remarks>
    public ValueTask<PublishOutcome> PublishAsync(PixelRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _batcher.PublishAsync(record.Data, cancellationToken);
    }

    /// <summary>
    /// Publishes a batch the caller already holds; the records not accepted go to the undelivered-record sink.
    /// </summary>
    /// <param name="records">The records; still owned by the caller.</param>
    /// <param name="cancellationToken">Bounds the time spent publishing, retries included.</param>
    /// <returns>A task that completes when every record is published or kept for replay; it never faults.</returns>
    /// <remarks>
    /// The batch goes as it is, cut to the publisher's limits, one call after another, through the spine's settling (so
    /// failures are kept and counted exactly as for single records) but without waiting for concurrent callers.
    /// </remarks>
    public ValueTask PublishAsync(IReadOnlyList<PixelRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var data = new ReadOnlyMemory<byte>[records.Count];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = records[i].Data;
        }

        return _batcher.PublishAllAsync(data, cancellationToken);
    }

    /// <summary>Sends the open batch now and waits until every record accepted so far is stored or kept.</summary>
    /// <param name="cancellationToken">Stops the wait; the records' own publisher calls go on.</param>
    /// <returns>A task that completes once nothing accepted is still in flight.</returns>
    /// <remarks>For a host's shutdown: run it within the grace period, before disposing the publisher.</remarks>
    public Task FlushAsync(CancellationToken cancellationToken) => _batcher.FlushAsync(cancellationToken);

    /// <summary>Stops batching, sends the open batch and waits until every accepted record is stored or kept.</summary>
    /// <returns>A task that completes once the spine is drained.</returns>
    public ValueTask DisposeAsync() => _batcher.DisposeAsync();

    /// <summary>
    /// Stops batching and sends the open batch without waiting; its callers still learn their outcomes.
    /// </summary>
    public void Dispose() => _batcher.Dispose();
}
