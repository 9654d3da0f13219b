namespace TrackingPixel.Aws;

/// <summary>Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter").</summary>
/// <remarks>
/// Full jitter spreads the retries of many concurrent Lambda instances, so a throttled stream is not hit again in
/// lockstep.
/// </remarks>
internal static class Backoff
{
    /// <summary>
    /// A uniformly random wait in [0, min(<paramref name="maxDelay"/>, <paramref name="baseDelay"/> × 2^(attempt −
    /// 1))].
    /// </summary>
    /// <param name="attempt">The attempt that just failed, from 1.</param>
    /// <param name="baseDelay">The ceiling after the first attempt.</param>
    /// <param name="maxDelay">The largest ceiling.</param>
    /// <param name="random">The source of jitter.</param>
    public static TimeSpan FullJitter(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random random)
    {
        var ceiling = Math.Min(
            maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt - 1, 0, 30)));
        return TimeSpan.FromMilliseconds(ceiling * random.NextDouble());
    }
}
