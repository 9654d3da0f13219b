using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Support;

/// <summary>Records every call's records (copied), can hold calls until released, and can fail chosen calls.</summary>
public sealed class HoldingPublisher(PublisherLimits? limits = null) : IRecordPublisher, IDisposable
{
    private readonly ConcurrentQueue<IReadOnlyList<string>> _calls = new();
    private readonly SemaphoreSlim _entered = new(0);
    private TaskCompletionSource _gate = Open();
    private int _inFlight;
    private int _maxInFlight;

    public PublisherLimits Limits { get; } = limits ?? PublisherLimits.Default;

    /// <summary>Gets or sets what a call throws, given its records, after recording them; null to accept.</summary>
    public Func<IReadOnlyList<string>, Exception?> Failure { get; set; } = _ => null;

    /// <summary>Gets or sets how long each call takes, for load tests; zero completes synchronously.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<IReadOnlyList<string>> Calls => [.. _calls];

    public IReadOnlyList<string> Records => [.. _calls.SelectMany(c => c)];

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public CancellationToken LastToken { get; private set; }

    public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    /// <summary>Releases the calls held so far and holds the next ones.</summary>
    public void ReleaseAndHoldNext()
    {
        var held = _gate;
        Hold();
        held.TrySetResult();
    }

    /// <summary>Waits until a call has entered the publisher.</summary>
    public async Task EnteredAsync() =>
        Assert.True(await EnteredWithinAsync(TimeSpan.FromSeconds(30)), "no publisher call arrived");

    /// <summary>Waits until a call has entered the publisher, saying whether one did within the time.</summary>
    public Task<bool> EnteredWithinAsync(TimeSpan timeout) => _entered.WaitAsync(timeout);

    public void Dispose() => _entered.Dispose();

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        // Copied before anything else: the memory is only valid until this call completes.
        var copies = records.Select(r => Encoding.UTF8.GetString(r.Span)).ToArray();
        LastToken = cancellationToken;
        var running = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, running);
        _entered.Release();
        try
        {
            var gate = _gate.Task;
            if (!gate.IsCompleted)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
            }

            var failure = Failure(copies);
            _calls.Enqueue(copies);
            if (failure is not null)
            {
                throw failure;
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }
}
