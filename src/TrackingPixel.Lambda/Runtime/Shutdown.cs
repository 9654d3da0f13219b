namespace TrackingPixel.Lambda.Runtime;

/// <summary>The environment's request to stop (SIGTERM, or a loop that can no longer reach the Runtime API).</summary>
/// <remarks>
/// Once requested, loops stop asking for events at once, while invocations in progress may still publish until the
/// grace period is over; then their publishing is cancelled, which sends their records whole to the undelivered sink.
/// </remarks>
internal sealed class Shutdown : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly CancellationTokenSource _graceOver;
    private readonly TimeSpan _grace;
    private bool _disposed;

    public Shutdown(TimeSpan grace, TimeProvider time)
    {
        _grace = grace;
        _graceOver = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Cancelled when the host is asked to stop: no more events are asked for.</summary>
    public CancellationToken Requested => _requested.Token;

    /// <summary>Cancelled a grace period after the request: publishing still in progress gives up.</summary>
    public CancellationToken GraceOver => _graceOver.Token;

    /// <summary>Asks the loops to stop; safe to call more than once and from any thread (a signal handler's).</summary>
    public void Request()
    {
        lock (_requested)
        {
            if (_disposed || _requested.IsCancellationRequested)
            {
                return;
            }

            _graceOver.CancelAfter(_grace);
            _requested.Cancel();
        }
    }

    public void Dispose()
    {
        lock (_requested)
        {
            _disposed = true;
        }

        _requested.Dispose();
        _graceOver.Dispose();
    }
}
