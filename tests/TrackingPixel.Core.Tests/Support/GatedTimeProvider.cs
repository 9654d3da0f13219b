namespace TrackingPixel.Tests.Support;

/// <summary>
/// A clock that can be moved freely (backwards too) and can hold the caller of <see cref="GetUtcNow"/> until released.
/// </summary>
public sealed class GatedTimeProvider(DateTimeOffset now) : TimeProvider, IDisposable
{
    private readonly ManualResetEventSlim _open = new(true);
    private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Gets a task that completes when a caller is held by <see cref="Hold"/>.</summary>
    public Task Entered => _entered.Task;

    public void Hold()
    {
        _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _open.Reset();
    }

    public void Release() => _open.Set();

    public void Dispose() => _open.Dispose();

    public override DateTimeOffset GetUtcNow()
    {
        if (!_open.IsSet)
        {
            _entered.TrySetResult();
            _open.Wait(TimeSpan.FromSeconds(30));
        }

        return Now;
    }
}
