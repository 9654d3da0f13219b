namespace TrackingPixel;

/// <summary>Options of the record: defaults for absent values, size limits, and the client IP policy.</summary>
/// <remarks>Validated when the pipeline is first resolved, so a bad value fails start-up (or Lambda init) with a message saying what to fix.</remarks>
public sealed class TrackingPixelOptions
{
    /// <summary>The largest value <see cref="MaxRecordBytes"/> and <see cref="MaxFieldLength"/> accept (1 MiB).</summary>
    /// <remarks>
    /// A bound on the memory one request may take, not a sink's limit: a sink with a smaller record limit registers
    /// its own check of these options when it is chosen.
    /// </remarks>
    public const int MaxRecordBytesCeiling = 1_048_576;

    /// <summary>Gets or sets the value written for a field whose source is absent, as the original wrote <c>"unknown"</c>.</summary>
    /// <value>Defaults to <c>"unknown"</c>; <see langword="null"/> writes JSON <c>null</c>; at most 256 characters.</value>
    public string? MissingValue { get; set; } = "unknown";

    /// <summary>Gets or sets the longest string value a field keeps, in UTF-16 characters; longer values are cut and listed in <c>_truncated</c>.</summary>
    /// <value>Defaults to 1,024, enough for real user agents; from 16 to <see cref="MaxRecordBytesCeiling"/>.</value>
    public int MaxFieldLength { get; set; } = 1024;

    /// <summary>Gets or sets the largest record, in bytes including its newline; longer strings are halved until it fits.</summary>
    /// <value>Defaults to 32,768, which also fits a CloudWatch Logs event when a record is kept for replay; from 1,024 to <see cref="MaxRecordBytesCeiling"/>, and no more than the chosen sink's record limit.</value>
    public int MaxRecordBytes { get; set; } = 32 * 1024;

    /// <summary>Gets the client IP policy.</summary>
    public ClientIpOptions ClientIp { get; } = new();

    /// <summary>Gets the batching spine's options: how long a batch lingers behind a busy publisher, how many records may wait.</summary>
    public Publishing.RecordBatchingOptions Batching { get; } = new();
}
