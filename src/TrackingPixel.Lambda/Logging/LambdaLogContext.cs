namespace TrackingPixel.Lambda.Logging;

/// <summary>The invocation the host is serving, so every log line can name its request id.</summary>
/// <remarks>
/// One invocation runs at a time in a classic Lambda environment, and the loop sets the id before handling and clears
/// it before asking for the next event, so a plain volatile field is enough.
/// </remarks>
internal sealed class LambdaLogContext
{
    private volatile string? _requestId;

    public string? RequestId
    {
        get => _requestId;
        set => _requestId = value;
    }
}
