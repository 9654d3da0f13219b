using System.Diagnostics.Metrics;

namespace TrackingPixel.Firehose.Diagnostics;

/// <summary>
/// Counts what the Firehose publisher did: records published, records sent again, records given up on.
/// </summary>
/// <remarks>
/// Readable directly (tests, per-invocation metric lines) and published as observable counters on the
/// <see cref="MeterName"/> meter for OpenTelemetry or <c>dotnet-counters</c>. Thread-safe.
/// </remarks>
public sealed class FirehosePublisherMetrics : IDisposable
{
    /// <summary>The name of the meter the counters are published on.</summary>
    public const string MeterName = "TrackingPixel.Firehose";

    private readonly Meter _meter;
    private long _recordsPublished;
    private long _recordsRetried;
    private long _recordsFailed;
    private long _requests;
    private long _requestsThrottled;

    /// <summary>
    /// Initializes a new instance of the <see cref="FirehosePublisherMetrics"/> class with its own meter.
    /// </summary>
    public FirehosePublisherMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter(
            "trackingpixel.firehose.records.published",
            () => RecordsPublished,
            description: "Records Firehose accepted.");
        _meter.CreateObservableCounter(
            "trackingpixel.firehose.records.retried",
            () => RecordsRetried,
            description: "Record sends repeated after a failure or an unknown outcome.");
        _meter.CreateObservableCounter(
            "trackingpixel.firehose.records.failed",
            () => RecordsFailed,
            description: "Records given up on and handed to the undelivered-record sink.");
        _meter.CreateObservableCounter(
            "trackingpixel.firehose.requests", () => Requests, description: "HTTP calls made to Firehose.");
        _meter.CreateObservableCounter(
            "trackingpixel.firehose.requests.throttled",
            () => RequestsThrottled,
            description: "Calls or entries Firehose throttled.");
    }

    /// <summary>Gets the number of records Firehose accepted.</summary>
    public long RecordsPublished => Interlocked.Read(ref _recordsPublished);

    /// <summary>Gets the number of record sends repeated after a failure or an unknown outcome.</summary>
    public long RecordsRetried => Interlocked.Read(ref _recordsRetried);

    /// <summary>
    /// Gets the number of records given up on (reported to the pipeline for its undelivered-record sink).
    /// </summary>
    public long RecordsFailed => Interlocked.Read(ref _recordsFailed);

    /// <summary>Gets the number of HTTP calls made to Firehose.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets the number of calls or batch entries Firehose throttled.</summary>
    public long RequestsThrottled => Interlocked.Read(ref _requestsThrottled);

    /// <summary>Stops publishing the counters.</summary>
    public void Dispose() => _meter.Dispose();

    internal void OnPublished(int count) => Interlocked.Add(ref _recordsPublished, count);

    internal void OnRetried(int count) => Interlocked.Add(ref _recordsRetried, count);

    internal void OnFailed(int count) => Interlocked.Add(ref _recordsFailed, count);

    internal void OnRequest() => Interlocked.Increment(ref _requests);

    internal void OnThrottled(int count) => Interlocked.Add(ref _requestsThrottled, count);
}
