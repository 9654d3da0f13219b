namespace TrackingPixel.Firehose.Publishing;

/// <summary>Firehose's per-call limits (PutRecordBatch API reference), which the publisher never exceeds.</summary>
internal static class FirehoseLimits
{
    /// <summary>The largest record, before base64: 1,000 KiB.</summary>
    public const int MaxRecordBytes = 1_024_000;

    /// <summary>The most records in one PutRecordBatch call.</summary>
    public const int MaxBatchRecords = 500;

    /// <summary>The largest request body. Firehose says "4 MB per call" without saying of what; the JSON body is
    /// kept under 4,000,000 bytes, which is within the limit however it is counted.</summary>
    public const int MaxBatchBodyBytes = 4_000_000;
}
