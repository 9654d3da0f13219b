namespace TrackingPixel.Publishing;

/// <summary>Thrown by a publisher when some records of a call were not accepted, naming which.</summary>
/// <remarks>
/// The pipeline sends exactly the records listed in <see cref="FailedIndices"/> to the fallback sink.
/// </remarks>
public sealed class RecordPublishException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RecordPublishException"/> class.</summary>
    public RecordPublishException()
        : this("Some records were not published.", [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordPublishException"/> class.</summary>
    /// <param name="message">What failed and what to fix; never credentials or record contents.</param>
    public RecordPublishException(string message)
        : this(message, [])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RecordPublishException"/> class.</summary>
    /// <param name="message">What failed and what to fix; never credentials or record contents.</param>
    /// <param name="innerException">The last error seen.</param>
    public RecordPublishException(string message, Exception innerException)
        : base(message, innerException)
    {
        FailedIndices = [];
    }

    /// <summary>Initializes a new instance of the <see cref="RecordPublishException"/> class.</summary>
    /// <param name="message">What failed and what to fix; never credentials or record contents.</param>
    /// <param name="failedIndices">Positions, in the call's record list, of the records that were not accepted.</param>
    /// <param name="innerException">The last error seen, if any.</param>
    public RecordPublishException(string message, IReadOnlyList<int> failedIndices, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(failedIndices);
        FailedIndices = failedIndices;
    }

    /// <summary>Gets the positions of the records that were not accepted; empty means none was.</summary>
    public IReadOnlyList<int> FailedIndices { get; }
}
