namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>
/// A process-wide logical clock: each call returns a larger number, so events on different threads can be ordered.
/// </summary>
public static class Ticks
{
    private static long _now;

    public static long Next() => Interlocked.Increment(ref _now);
}
