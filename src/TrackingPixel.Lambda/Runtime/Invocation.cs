namespace TrackingPixel.Lambda.Runtime;

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>, with the headers that describe it.</summary>
/// <param name="RequestId">
/// Lambda's request id (<c>Lambda-Runtime-Aws-Request-Id</c>), used in the response URL.
/// </param>
/// <param name="Deadline">
/// When Lambda stops the invocation (<c>Lambda-Runtime-Deadline-Ms</c>); <see langword="null"/> when absent or
/// unreadable.
/// </param>
/// <param name="TraceId">The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), if any.</param>
/// <param name="FunctionArn">The ARN the caller invoked (<c>Lambda-Runtime-Invoked-Function-Arn</c>), if any.</param>
/// <param name="Payload">The event's JSON bytes.</param>
internal sealed record Invocation(
    string RequestId, DateTimeOffset? Deadline, string? TraceId, string? FunctionArn, byte[] Payload);
