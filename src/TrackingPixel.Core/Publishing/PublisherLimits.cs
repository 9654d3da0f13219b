namespace TrackingPixel.Publishing;

/// <summary>The most a publisher takes in one call: records and their bytes, newlines included.</summary>
/// <remarks>
/// The batching spine never hands a publisher more than this in one call, so a batch is one request to the sink. A
/// record larger than <see cref="MaxBytes"/> is still sent, alone, and the publisher decides what to do with it.
/// </remarks>
public sealed class PublisherLimits
{
    /// <summary>Initializes a new instance of the <see cref="PublisherLimits"/> class.</summary>
    /// <param name="maxRecords">The most records in one call; at least 1.</param>
    /// <param name="maxBytes">The most bytes in one call, summed over the records; at least 1.</param>
    public PublisherLimits(int maxRecords, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        MaxRecords = maxRecords;
        MaxBytes = maxBytes;
    }

    /// <summary>Gets the limits of a publisher that states none: 500 records and 4 MiB per call.</summary>
    public static PublisherLimits Default { get; } = new(500, 4 * 1024 * 1024);

    /// <summary>Gets the most records one call takes.</summary>
    public int MaxRecords { get; }

    /// <summary>Gets the most bytes one call takes, summed over its records.</summary>
    public int MaxBytes { get; }
}
