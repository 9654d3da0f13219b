namespace TrackingPixel.Aws;

/// <summary>The classified outcome of one attempt: what to do, why, and whether the service throttled.</summary>
/// <param name="Decision">Retry, give up on these records, or fail the whole call.</param>
/// <param name="Reason">What happened, for the log and the undelivered records' reason; <see langword="null"/> when
/// the caller's or the publisher's time ran out, which only the publisher can describe.</param>
/// <param name="Throttled">Whether the service throttled the call, for the throttling counter.</param>
internal readonly record struct AwsOutcome(AwsDecision Decision, string? Reason, bool Throttled = false)
{
    /// <summary>Gets a value indicating whether the attempt ended because time ran out.</summary>
    public bool OutOfTime => Decision == AwsDecision.GiveUp && Reason is null;
}
