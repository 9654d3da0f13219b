using System.Diagnostics.Metrics;

namespace TrackingPixel;

/// <summary>Counts what the pipeline did: records built, problems met, records published or kept for replay.</summary>
/// <remarks>
/// The counts are readable directly (for tests and for per-invocation metric lines) and are also published as
/// observable counters on the <see cref="MeterName"/> meter for OpenTelemetry or <c>dotnet-counters</c>.
/// </remarks>
public sealed class TrackingPixelMetrics : IDisposable
{
    /// <summary>The name of the meter the counters are published on.</summary>
    public const string MeterName = "TrackingPixel";

    private readonly Meter _meter;
    private long _recordsCollected;
    private long _recordsDiscarded;
    private long _recordsFailed;
    private long _extractorFailures;
    private long _inputProblems;
    private long _fieldsTruncated;
    private long _recordsPublished;
    private long _recordsUndelivered;
    private long _recordsLost;
    private long _requestsRefused;

    /// <summary>
    /// Initializes a new instance of the <see cref="TrackingPixelMetrics"/> class with its own meter.
    /// </summary>
    public TrackingPixelMetrics()
    {
        _meter = new Meter(MeterName);
        _meter.CreateObservableCounter(
            "trackingpixel.records.collected",
            () => RecordsCollected,
            description: "Records built from requests.");
        _meter.CreateObservableCounter(
            "trackingpixel.records.discarded",
            () => RecordsDiscarded,
            description: "Requests an extractor chose not to record.");
        _meter.CreateObservableCounter(
            "trackingpixel.records.failed",
            () => RecordsFailed,
            description: "Requests whose record could not be written.");
        _meter.CreateObservableCounter(
            "trackingpixel.extractor.failures",
            () => ExtractorFailures,
            description: "Extractor calls that threw.");
        _meter.CreateObservableCounter(
            "trackingpixel.input.problems",
            () => InputProblems,
            description: "Malformed request data that was replaced.");
        _meter.CreateObservableCounter(
            "trackingpixel.fields.truncated",
            () => FieldsTruncated,
            description: "Field values cut to fit the limits.");
        _meter.CreateObservableCounter(
            "trackingpixel.records.published",
            () => RecordsPublished,
            description: "Records the publisher accepted.");
        _meter.CreateObservableCounter(
            "trackingpixel.records.undelivered",
            () => RecordsUndelivered,
            description: "Records written to the undelivered-record sink.");
        _meter.CreateObservableCounter(
            "trackingpixel.records.lost",
            () => RecordsLost,
            description: "Records neither published nor kept by the sink.");
        _meter.CreateObservableCounter(
            "trackingpixel.requests.refused",
            () => RequestsRefused,
            description: "Requests answered without a record: a beacon body over the limit, a forged click link.");
    }

    /// <summary>Gets the number of records built.</summary>
    public long RecordsCollected => Interlocked.Read(ref _recordsCollected);

    /// <summary>Gets the number of requests an extractor asked not to record.</summary>
    public long RecordsDiscarded => Interlocked.Read(ref _recordsDiscarded);

    /// <summary>Gets the number of requests whose record could not be written at all.</summary>
    public long RecordsFailed => Interlocked.Read(ref _recordsFailed);

    /// <summary>Gets the number of extractor calls that threw.</summary>
    public long ExtractorFailures => Interlocked.Read(ref _extractorFailures);

    /// <summary>Gets the number of malformed request values that were replaced or ignored.</summary>
    public long InputProblems => Interlocked.Read(ref _inputProblems);

    /// <summary>Gets the number of field values cut to fit the configured limits.</summary>
    public long FieldsTruncated => Interlocked.Read(ref _fieldsTruncated);

    /// <summary>Gets the number of records the publisher accepted.</summary>
    public long RecordsPublished => Interlocked.Read(ref _recordsPublished);

    /// <summary>Gets the number of records written to the undelivered-record sink for replay.</summary>
    public long RecordsUndelivered => Interlocked.Read(ref _recordsUndelivered);

    /// <summary>Gets the number of records that neither the publisher nor the undelivered-record sink kept.</summary>
    public long RecordsLost => Interlocked.Read(ref _recordsLost);

    /// <summary>
    /// Gets the number of requests a front end answered without a record (see
    /// <see cref="PixelPipeline.ReportRefused"/>).
    /// </summary>
    public long RequestsRefused => Interlocked.Read(ref _requestsRefused);

    /// <summary>
    /// Gets this instance's meter, so a listener can tell it from other pipelines' meters of the same name.
    /// </summary>
    internal Meter Meter => _meter;

    /// <summary>Stops publishing the counters.</summary>
    public void Dispose() => _meter.Dispose();

    internal void OnCollected(int truncatedFields)
    {
        Interlocked.Increment(ref _recordsCollected);
        if (truncatedFields > 0)
        {
            Interlocked.Add(ref _fieldsTruncated, truncatedFields);
        }
    }

    internal void OnDiscarded() => Interlocked.Increment(ref _recordsDiscarded);

    internal void OnFailed() => Interlocked.Increment(ref _recordsFailed);

    internal void OnExtractorFailed() => Interlocked.Increment(ref _extractorFailures);

    internal void OnInputProblems(int count) => Interlocked.Add(ref _inputProblems, count);

    internal void OnPublished(int count) => Interlocked.Add(ref _recordsPublished, count);

    internal void OnUndelivered() => Interlocked.Increment(ref _recordsUndelivered);

    internal void OnLost() => Interlocked.Increment(ref _recordsLost);

    internal void OnRefused() => Interlocked.Increment(ref _requestsRefused);
}
