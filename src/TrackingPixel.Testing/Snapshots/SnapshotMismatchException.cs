namespace TrackingPixel.Testing;

/// <summary>Thrown when output differs from its committed snapshot, or the snapshot is missing; any test framework
/// reports it as a failure.</summary>
public sealed class SnapshotMismatchException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public SnapshotMismatchException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What differs and how to accept the output.</param>
    public SnapshotMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What differs and how to accept the output.</param>
    /// <param name="innerException">The cause.</param>
    public SnapshotMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
