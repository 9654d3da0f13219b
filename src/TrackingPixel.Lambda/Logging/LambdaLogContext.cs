namespace TrackingPixel.Lambda.Logging;

/// <summary>The invocation the current flow is serving, so every log line can name its request id.</summary>
/// <remarks>
/// The id lives in an <see cref="AsyncLocal{T}"/>: with several invocation loops in one process (Lambda Managed
/// Instances) each loop's awaits carry their own invocation, so a line logged for one never names another's. The loop
/// sets it inside the method that handles the invocation, so it is gone again when that method returns.
/// </remarks>
internal sealed class LambdaLogContext
{
    private readonly AsyncLocal<string?> _requestId = new();

    public string? RequestId
    {
        get => _requestId.Value;
        set => _requestId.Value = value;
    }
}
