namespace TrackingPixel.Publishing;

/// <summary>
/// Options of the batching spine, which groups the records of concurrent requests into shared publisher calls.
/// </summary>
/// <remarks>
/// A record joins the open batch. The batch goes as soon as the publisher is free (no call in flight), when it
/// reaches the publisher's <see cref="PublisherLimits"/> or <see cref="MaxCallers"/>, or when it has waited
/// <see cref="Linger"/> for a busy publisher. A record that finds the publisher free goes at once, alone, unless
/// <see cref="IdleLinger"/> is set, so one request at a time (standard Lambda) never waits.
/// </remarks>
public sealed class RecordBatchingOptions
{
    /// <summary>The longest <see cref="Linger"/> accepted: one second.</summary>
    public static readonly TimeSpan MaxLinger = TimeSpan.FromSeconds(1);

    /// <summary>The largest <see cref="MaxQueuedRecords"/> accepted.</summary>
    public const int MaxQueuedRecordsCeiling = 1_000_000;

    /// <summary>
    /// Gets or sets how long an open batch waits for a busy publisher before it goes in a call of its own.
    /// </summary>
    /// <value>
    /// Defaults to 50 ms: longer than an in-region Firehose call (~20 ms), so batches normally take turns with one
    /// call in flight, and short enough that a slow or retrying call delays the next batch by at most that much.
    /// From zero (never wait: every record goes at once) to <see cref="MaxLinger"/>.
    /// </value>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Gets or sets the most records accepted and not yet stored or kept; further callers wait for room.
    /// </summary>
    /// <value>
    /// Defaults to 10,000. From 1 to <see cref="MaxQueuedRecordsCeiling"/>. A caller that finds the queue full waits
    /// (backpressure); if its cancellation token fires first, its record goes to the undelivered-record sink.
    /// </value>
    public int MaxQueuedRecords { get; set; } = 10_000;

    /// <summary>Gets or sets how long a record that finds the publisher idle waits for the records of other callers
    /// before its batch goes.</summary>
    /// <value>
    /// Defaults to zero: a record that finds the publisher idle goes at once, so one caller at a time never waits.
    /// From zero to <see cref="MaxLinger"/>. The Lambda host sets a few milliseconds in concurrent mode (Lambda Managed
    /// Instances), where invocations released by the same call come back together: without it, those that arrive
    /// while the first one's call is in flight miss it and the calls alternate between one record and many.
    /// </value>
    public TimeSpan IdleLinger { get; set; }

    /// <summary>Gets or sets how many callers can publish at once, when the front end knows it.</summary>
    /// <value>
    /// Defaults to zero (not known). When set, a batch that holds this many records goes at once, without waiting
    /// for <see cref="IdleLinger"/> or <see cref="Linger"/>: no other caller can join it. The Lambda host sets it to
    /// the number of invocation loops, each of which waits for its record before taking the next event.
    /// </value>
    public int MaxCallers { get; set; }
}
