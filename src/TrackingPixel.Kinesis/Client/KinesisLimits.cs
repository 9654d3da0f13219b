namespace TrackingPixel.Kinesis.Client;

/// <summary>PutRecords' limits (Kinesis API reference, PutRecords), which the publisher never exceeds.</summary>
internal static class KinesisLimits
{
    /// <summary>The most records in one PutRecords call.</summary>
    public const int MaxRecordsPerCall = 500;

    /// <summary>The most data in one call, partition keys included: 5 MiB.</summary>
    public const int MaxBytesPerCall = 5 * 1024 * 1024;

    /// <summary>The largest record, data and partition key together: 1 MiB.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    /// <summary>The longest partition key, in Unicode characters.</summary>
    public const int MaxPartitionKeyChars = 256;

    /// <summary>The most bytes a partition key takes in UTF-8 (256 characters of up to 4 bytes).</summary>
    public const int MaxPartitionKeyBytes = MaxPartitionKeyChars * 4;

    /// <summary>The largest pixel record that fits in one Kinesis record whatever its key.</summary>
    public const int MaxDataBytes = MaxRecordBytes - MaxPartitionKeyBytes;
}
