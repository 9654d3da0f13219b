namespace TrackingPixel.Aws;

/// <summary>Checks the retry settings every AWS publisher has, naming what to fix.</summary>
internal static class RetryLimits
{
    /// <summary>Adds a failure for each setting out of range: timeouts and delays must be positive, the cap not below
    /// the base, and at least one attempt made.</summary>
    public static void Check(
        TimeSpan requestTimeout,
        TimeSpan maxPublishDuration,
        TimeSpan baseRetryDelay,
        TimeSpan maxRetryDelay,
        int maxAttempts,
        List<string> failures)
    {
        Positive(requestTimeout, "RequestTimeout", failures);
        Positive(maxPublishDuration, "MaxPublishDuration", failures);
        Positive(baseRetryDelay, "BaseRetryDelay", failures);
        if (maxRetryDelay < baseRetryDelay)
        {
            failures.Add($"MaxRetryDelay ({maxRetryDelay}) must not be less than BaseRetryDelay ({baseRetryDelay}).");
        }

        if (maxAttempts < 1)
        {
            failures.Add($"MaxAttempts is {maxAttempts}; it counts the first attempt, so use 1 or more.");
        }
    }

    private static void Positive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{name} is {value}; it must be positive.");
        }
    }
}
