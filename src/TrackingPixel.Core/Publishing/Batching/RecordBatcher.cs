using Microsoft.Extensions.Logging;

namespace TrackingPixel.Publishing;

/// <summary>The batching spine: the records of concurrent callers share publisher calls (group commit).</summary>
/// <remarks>
/// A record joins the open batch. The batch goes when the publisher is free (no call in flight), when it reaches the
/// publisher's <see cref="IRecordPublisher.Limits"/> or <see cref="RecordBatchingOptions.MaxCallers"/>, or when it has
/// lingered <see cref="RecordBatchingOptions.Linger"/> behind a busy publisher. A record that finds the publisher free
/// is sent at once, alone, by its own caller, unless <see cref="RecordBatchingOptions.IdleLinger"/> asks it to wait for
/// others: one caller at a time (standard Lambda) makes exactly one publisher call per record and never waits for a
/// timer. Each caller's task completes with its own record's <see cref="PublishOutcome"/> once the batch is settled:
/// stored, written whole to the undelivered-record sink, or, if even that failed, counted as lost. At most
/// <see cref="RecordBatchingOptions.MaxQueuedRecords"/> records are accepted and unsettled; further callers wait. The
/// records' memory stays the callers' (they await the outcome), so the spine holds references, never copies.
/// </remarks>
internal sealed partial class RecordBatcher : IAsyncDisposable, IDisposable
{
    private readonly object _gate = new();
    private readonly IRecordPublisher _publisher;
    private readonly IUndeliveredRecordSink _undelivered;
    private readonly TrackingPixelMetrics _metrics;
    private readonly ILogger _logger;
    private readonly PublisherLimits _limits;
    private readonly TimeSpan _linger;
    private readonly TimeSpan _idleLinger;
    private readonly int _maxCallers;
    private readonly SemaphoreSlim _room;
    private readonly ITimer _timer;
    private RecordBatch? _open;
    private RecordBatch? _lingering;
    private TaskCompletionSource? _drained;
    private int _inFlight;
    private int _pending;
    private bool _closed;

    public RecordBatcher(
        IRecordPublisher publisher,
        IUndeliveredRecordSink undelivered,
        RecordBatchingOptions options,
        TrackingPixelMetrics metrics,
        TimeProvider time,
        ILogger logger)
    {
        _publisher = publisher;
        _undelivered = undelivered;
        _metrics = metrics;
        _logger = logger;
        _limits = publisher.Limits ?? PublisherLimits.Default;
        _linger = options.Linger;
        _idleLinger = options.IdleLinger;
        _maxCallers = options.MaxCallers;
        _room = new SemaphoreSlim(options.MaxQueuedRecords, options.MaxQueuedRecords);

        // The timer must not carry the context of whoever resolved the pipeline into the batches it sends.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = time.CreateTimer(
                static state => ((RecordBatcher)state!).OnLinger(),
                this,
                Timeout.InfiniteTimeSpan,
                Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Gets the limits batches are cut to: the publisher's.</summary>
    public PublisherLimits Limits => _limits;

    /// <summary>Adds a record to the open batch and completes once that batch is settled. Never throws.</summary>
    /// <param name="record">The record, newline included; the caller keeps its memory valid until the task
    /// completes.</param>
    /// <param name="cancellationToken">Bounds the wait for room and the publisher call of the record's batch.</param>
    public async ValueTask<PublishOutcome> PublishAsync(
        ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        if (!_room.Wait(0, CancellationToken.None))
        {
            try
            {
                await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return Keep(record.Span, "publishing ran out of time waiting for room in the full queue");
            }
        }

        RecordBatch batch;
        RecordBatch? full = null;
        bool send;
        int index;
        lock (_gate)
        {
            _pending++;
            if (_open is { } open && !open.Fits(record.Length, _limits))
            {
                // It cannot take this record: it goes now, next to the call in flight.
                _open = null;
                _inFlight++;
                full = open;
            }

            batch = _open ??= new RecordBatch(this, holdsRoom: true);
            index = batch.Add(record, cancellationToken);
            var linger = _inFlight == 0 ? _idleLinger : _linger;
            send = _closed
                || linger <= TimeSpan.Zero
                || batch.IsFull(_limits)
                || (_maxCallers > 0 && batch.Count >= _maxCallers);
            if (send)
            {
                _open = null;
                _lingering = null;
                _inFlight++;
            }
            else if (batch.Count == 1)
            {
                _lingering = batch;
                _timer.Change(linger, Timeout.InfiniteTimeSpan);
            }
        }

        if (full is not null)
        {
            Dispatch(full);
        }

        if (send && batch.Count == 1)
        {
            // Alone and the publisher free: sent by its own caller, with no thread hop and no other caller's record.
            await SendAsync(batch).ConfigureAwait(false);
        }
        else
        {
            if (send)
            {
                Dispatch(batch);
            }

            await batch.Completion.ConfigureAwait(false);
        }

        return batch.OutcomeOf(index);
    }

    /// <summary>Publishes a caller's own batch as it is, in one publisher call, and settles each record.</summary>
    /// <param name="records">The records, each newline-terminated; the caller keeps them valid until the task
    /// completes.</param>
    /// <param name="cancellationToken">Bounds the publisher call.</param>
    /// <remarks>
    /// For callers that already hold a batch (a replay, a test): it needs no group commit, so it does not wait for the
    /// open batch, and it brings its own memory, so it takes no room in the queue. It is not cut to the publisher's
    /// limits: like before the spine, a publisher splits a caller's larger list itself, and can then stop early (a
    /// rejected signature fails the rest without another request). It counts as a call in flight, so the open batch
    /// lingers behind it like behind any other.
    /// </remarks>
    public async ValueTask PublishAllAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        var batch = new RecordBatch(this, holdsRoom: false);
        foreach (var record in records)
        {
            batch.Add(record, cancellationToken);
        }

        lock (_gate)
        {
            _pending += batch.Count;
            _inFlight++;
        }

        await SendAsync(batch).ConfigureAwait(false);
    }

    /// <summary>Sends the open batch now and completes once every record accepted so far is settled.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        RecordBatch? open;
        Task drained;
        lock (_gate)
        {
            open = TakeOpen();
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            drained = (_drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }

        if (open is not null)
        {
            Dispatch(open);
        }

        return drained.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Stops batching (later records go at once, alone), sends the open batch and waits until all are settled.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Close();
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops batching and sends the open batch without waiting; its callers still learn their outcomes.
    /// </summary>
    public void Dispose() => Close();

    private void Close()
    {
        RecordBatch? open;
        lock (_gate)
        {
            _closed = true;
            open = TakeOpen();
        }

        _timer.Dispose();
        if (open is not null)
        {
            Dispatch(open);
        }
    }

    private void OnLinger()
    {
        RecordBatch? open;
        lock (_gate)
        {
            if (_open is null || !ReferenceEquals(_open, _lingering))
            {
                return;
            }

            open = TakeOpen();
        }

        Dispatch(open!);
    }

    /// <summary>Takes the open batch for sending; runs only while holding the gate.</summary>
    private RecordBatch? TakeOpen()
    {
        var open = _open;
        if (open is not null)
        {
            _open = null;
            _lingering = null;
            _inFlight++;
        }

        return open;
    }

    // Not the caller's thread: the caller's request goes on, and the batch runs without any caller's context.
    private static void Dispatch(RecordBatch batch) => ThreadPool.UnsafeQueueUserWorkItem(batch, preferLocal: false);

    /// <summary>
    /// Publishes a taken batch, settles every record, then hands the publisher to the next open batch.
    /// </summary>
    internal async Task SendAsync(RecordBatch batch)
    {
        await PublishAndSettleAsync(batch).ConfigureAwait(false);
        RecordBatch? next = null;
        TaskCompletionSource? drained = null;
        lock (_gate)
        {
            _inFlight--;
            _pending -= batch.Count;
            if (_inFlight == 0)
            {
                next = TakeOpen();
            }

            if (_pending == 0)
            {
                drained = _drained;
                _drained = null;
            }
        }

        if (next is not null)
        {
            Dispatch(next);
        }

        if (batch.HoldsRoom)
        {
            _room.Release(batch.Count);
        }

        batch.Complete();
        drained?.TrySetResult();
    }
}
