using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>A publisher that signals when publishing starts and then waits until the test opens the gate.</summary>
public sealed class GatedPublisher : IRecordPublisher
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PublisherLimits Limits => PublisherLimits.Default;

    public Task Started => _started.Task;

    public void Open() => _gate.TrySetResult();

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
    }
}
