
namespace TrackingPixel.Lambda.Runtime;

/// <summary>
/// Turns one invocation into its response and, optionally, a record to publish once the response is sent.
/// </summary>
internal interface IInvocationHandler
{
    /// <summary>Handles an invocation; an exception is reported to Lambda as an invocation error.</summary>
    InvocationOutcome Handle(Invocation invocation);
}

/// <summary>
/// The response bytes to post and the record the host publishes after posting them (and then disposes).
/// </summary>
internal readonly record struct InvocationOutcome(ReadOnlyMemory<byte> Response, PixelRecord? Record);
