using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TrackingPixel.Publishing;

/// <summary>
/// Appends records to <c>{Directory}/yyyy/MM/dd/HH/trackingpixel-{yyyyMMddHH}-{instance}.ndjson</c>, like Firehose's S3 prefixes.
/// </summary>
/// <remarks>
/// Group commit: every call queues its records, and whichever call holds the file next writes everything queued and
/// flushes once, so concurrent requests share one write and one flush instead of taking turns. A call completes only
/// after its own bytes are flushed to the operating system, so lines are never interleaved and a crash of the process
/// loses nothing already acknowledged. A call cancelled while still queued is withdrawn and never written; once
/// taken, its write finishes, because a half-written line would be a torn record. A write that fails part-way (a full
/// disk) closes the file and the next write starts on a fresh line. After disposal every call throws
/// <see cref="ObjectDisposedException"/>, which sends its records to the undelivered-record sink instead of losing them.
/// Each process writes its own file (the instance part of the name), so several processes can share the folder.
/// </remarks>
internal sealed partial class FilePublisher : IRecordPublisher, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentQueue<Pending> _queue = new();
    private readonly List<Pending> _batch = [];
    private readonly string _instance;
    private readonly TimeProvider _time;
    private FileStream? _stream;
    private DateTime _hour;
    private bool _disposed;

    public FilePublisher(IOptions<FilePublisherOptions> options, TimeProvider time)
    {
        Root = Path.GetFullPath(options.Value.Directory);
        _time = time;
        _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
    }

    /// <summary>Gets the absolute folder records land in.</summary>
    public string Root { get; }

    /// <summary>Gets how many flushes have been made; fewer than calls means calls were grouped.</summary>
    internal int Flushes { get; private set; }

    /// <summary>Gets how many calls are queued and not yet taken by a writer.</summary>
    internal int Queued => _queue.Count;

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(records);
        _queue.Enqueue(pending);
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (pending.TryWithdraw())
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            // A writer already took these records; their outcome is known once it lets go of the file.
            await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            if (!pending.IsTaken)
            {
                try
                {
                    ObjectDisposedException.ThrowIf(_disposed, this);
                    await WriteQueuedAsync().ConfigureAwait(false);
                }
                catch when (pending.TryWithdraw())
                {
                    // The file could not be opened, so nothing was taken. Withdrawing matters: the caller will
                    // hand these records to the sink and reuse their memory, so no later writer may pick them up.
                    throw;
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        if (pending.Error is { } error)
        {
            throw new IOException($"Writing records under {Root} failed: {error.Message}", error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes every queued call's records and flushes once; runs only while holding the gate.</summary>
    private async ValueTask WriteQueuedAsync()
    {
        var stream = StreamFor(_time.GetUtcNow().UtcDateTime);
        _batch.Clear();
        while (_queue.TryDequeue(out var queued))
        {
            if (queued.TryTake())
            {
                _batch.Add(queued);
            }
        }

        try
        {
            foreach (var taken in _batch)
            {
                foreach (var record in taken.Records)
                {
                    await stream.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                }
            }

            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            Flushes++;
        }
        catch (Exception exception)
        {
            Close();
            foreach (var taken in _batch)
            {
                taken.Error = exception;
            }
        }
        finally
        {
            _batch.Clear();
        }
    }
}
