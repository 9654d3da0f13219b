
namespace TrackingPixel.AspNetCore;

/// <summary>
/// Publishes the records of concurrent requests together: one publisher call per batch instead of one per request.
/// </summary>
/// <remarks>
/// The first record to arrive opens a batch and queues its publication to the thread pool; every record that arrives
/// before that work item runs joins the same batch, which is then closed and handed to
/// <see cref="PixelPipeline.PublishAsync(IReadOnlyList{PixelRecord}, CancellationToken)"/> as one call. Under load the
/// requests the server has already read are processed while the work item waits its turn, so a batch holds about as
/// many records as requests arrived together, at the cost of one thread-pool hop; a lone request is published alone
/// right after it. Each caller's task completes only once its batch is published or kept by the undelivered-record
/// sink, so a response still means its record is stored, and the graceful shutdown that waits for in-flight requests
/// waits for their records too. Batches are independent: a slow publisher call (a Firehose retry) delays only the
/// requests in its batch, and the next batch opens and publishes concurrently with it. A batch holds at most
/// <see cref="MaxRecords"/> records.
/// </remarks>
internal sealed class RecordBatcher(PixelPipeline pipeline)
{
    /// <summary>The most records one batch takes: Firehose's <c>PutRecordBatch</c> limit, so a batch is one call there.</summary>
    internal const int MaxRecords = 500;

    private readonly PixelPipeline _pipeline = pipeline;
    private readonly object _gate = new();
    private Batch? _open;

    /// <summary>Adds a record to the open batch, opening one if none is.</summary>
    /// <param name="record">The record; the caller keeps it, undisposed, until the returned task completes.</param>
    /// <returns>A task that completes when the record's batch is published or kept for replay.</returns>
    public Task PublishAsync(PixelRecord record)
    {
        Batch batch;
        bool opened;
        lock (_gate)
        {
            opened = _open is null;
            batch = _open ??= new Batch(this);
            batch.Records.Add(record);
            if (batch.Records.Count == MaxRecords)
            {
                // Full: its work item is already queued and publishes it as is; the next record opens another.
                _open = null;
            }
        }

        if (opened)
        {
            // Not run inline: the requests already queued behind this one get to join the batch first. The work item
            // does not flow this request's ExecutionContext into the publication of other requests' records.
            ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);
        }

        return batch.Completion.Task;
    }

    private void Close(Batch batch)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch))
            {
                _open = null;
            }
        }
    }

    private sealed class Batch(RecordBatcher owner) : IThreadPoolWorkItem
    {
        public List<PixelRecord> Records { get; } = [];

        // Asynchronous continuations: the requests resume on the thread pool, not one after another on this one.
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Execute() => _ = PublishAsync();

        private async Task PublishAsync()
        {
            // Once closed no record is added, so the list is read by the publisher alone.
            owner.Close(this);
            try
            {
                // Never throws by contract: what the publisher does not accept goes to the undelivered-record sink.
                await owner._pipeline.PublishAsync(Records, CancellationToken.None).ConfigureAwait(false);
                Completion.TrySetResult();
            }
            catch (Exception exception)
            {
                Completion.TrySetException(exception);
            }
        }
    }
}
