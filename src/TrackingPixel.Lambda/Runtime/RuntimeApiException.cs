namespace TrackingPixel.Lambda.Runtime;

/// <summary>The Runtime API answered with a status that means this process cannot go on serving.</summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public RuntimeApiException()
    {
    }
}
