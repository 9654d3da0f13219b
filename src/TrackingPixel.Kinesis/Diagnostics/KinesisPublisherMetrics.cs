using System.Diagnostics.Metrics;

namespace TrackingPixel.Kinesis.Diagnostics;

/// <summary>Counts what the Kinesis publisher did: pixel records put, sent again and given up on.</summary>
/// <remarks>
/// Readable directly and published as observable counters on the <see cref="MeterName"/> meter for OpenTelemetry or
/// <c>dotnet-counters</c>. Counts are of pixel records, whatever packing put into one Kinesis record. Thread-safe.
/// </remarks>
public sealed class KinesisPublisherMetrics : IDisposable
{
    /// <summary>The name of the meter the counters are published on.</summary>
    public const string MeterName = "TrackingPixel.Kinesis";

    private readonly Meter _meter = new(MeterName);
    private long _recordsPublished;
    private long _recordsRetried;
    private long _recordsFailed;
    private long _requests;
    private long _throttled;

    /// <summary>Initializes a new instance of the <see cref="KinesisPublisherMetrics"/> class with its own
    /// meter.</summary>
    public KinesisPublisherMetrics()
    {
        _meter.CreateObservableCounter("trackingpixel.kinesis.records.published", () => RecordsPublished,
            description: "Pixel records Kinesis accepted.");
        _meter.CreateObservableCounter("trackingpixel.kinesis.records.retried", () => RecordsRetried,
            description: "Pixel record sends repeated after a failure or an unknown outcome.");
        _meter.CreateObservableCounter("trackingpixel.kinesis.records.failed", () => RecordsFailed,
            description: "Pixel records given up on and handed to the undelivered-record sink.");
        _meter.CreateObservableCounter("trackingpixel.kinesis.requests", () => Requests,
            description: "PutRecords calls made.");
        _meter.CreateObservableCounter("trackingpixel.kinesis.throttled", () => Throttled,
            description: "Calls or entries Kinesis (or its KMS key) throttled.");
    }

    /// <summary>Gets the number of pixel records Kinesis accepted.</summary>
    public long RecordsPublished => Interlocked.Read(ref _recordsPublished);

    /// <summary>Gets the number of pixel record sends repeated after a failure or an unknown outcome.</summary>
    public long RecordsRetried => Interlocked.Read(ref _recordsRetried);

    /// <summary>Gets the number of pixel records given up on (reported to the pipeline for its undelivered-record
    /// sink).</summary>
    public long RecordsFailed => Interlocked.Read(ref _recordsFailed);

    /// <summary>Gets the number of PutRecords calls made.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Gets the number of calls or entries Kinesis or its KMS key throttled.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Stops publishing the counters.</summary>
    public void Dispose() => _meter.Dispose();

    internal void OnPublished(int count) => Interlocked.Add(ref _recordsPublished, count);

    internal void OnRetried(int count) => Interlocked.Add(ref _recordsRetried, count);

    internal void OnFailed(int count) => Interlocked.Add(ref _recordsFailed, count);

    internal void OnRequest() => Interlocked.Increment(ref _requests);

    internal void OnThrottled(int count) => Interlocked.Add(ref _throttled, count);
}
