namespace TrackingPixel.Lambda.Events;

/// <summary>Thrown when an invocation's payload is not an HTTP event the host can answer with a pixel.</summary>
/// <remarks>The host reports it to the Runtime API as an invocation error; the process keeps serving.</remarks>
internal sealed class UnsupportedEventException : Exception
{
    /// <summary>The <c>errorType</c> reported to Lambda for every unsupported event.</summary>
    public const string ErrorType = "TrackingPixel.UnsupportedEvent";

    public UnsupportedEventException(string message)
        : base(message)
    {
    }

    public UnsupportedEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnsupportedEventException()
    {
    }
}
