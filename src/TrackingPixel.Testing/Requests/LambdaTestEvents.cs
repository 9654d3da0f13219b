using System.Text;
using TrackingPixel.Lambda.Events;

namespace TrackingPixel.Testing;

/// <summary>
/// Builds a <see cref="PixelRequest"/> from a Lambda event's JSON with the Lambda host's own event reader, so a test
/// sees exactly the request the Lambda front end would.
/// </summary>
/// <remarks>
/// Paste an event from your function's logs or from the AWS documentation. Each named method also checks that the JSON
/// is recognised as that kind of event: a Function URL event given to <see cref="FromHttpApi"/> fails, because the
/// front end would treat it differently. Events that carry no request time (load balancer events) take the clock's.
/// </remarks>
public static class LambdaTestEvents
{
    /// <summary>Reads an API Gateway HTTP API event, payload format 2.0.</summary>
    /// <param name="json">The event.</param>
    /// <param name="clock">Gives the time when the event has none; <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The request view.</returns>
    /// <exception cref="ArgumentException">The JSON is not an HTTP API 2.0 event.</exception>
    public static PixelRequest FromHttpApi(string json, TimeProvider? clock = null) =>
        Read(json, clock, "an API Gateway HTTP API (payload 2.0)", LambdaEventKind.HttpApiV2);

    /// <summary>Reads an API Gateway REST API proxy event, or an HTTP API event with payload format 1.0.</summary>
    /// <param name="json">The event.</param>
    /// <param name="clock">Gives the time when the event has none; <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The request view.</returns>
    /// <exception cref="ArgumentException">The JSON is not a payload 1.0 event.</exception>
    public static PixelRequest FromRestApi(string json, TimeProvider? clock = null) =>
        Read(json, clock, "an API Gateway REST API (payload 1.0)", LambdaEventKind.RestApiV1);

    /// <summary>Reads a Lambda Function URL event.</summary>
    /// <param name="json">The event.</param>
    /// <param name="clock">Gives the time when the event has none; <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The request view.</returns>
    /// <exception cref="ArgumentException">The JSON is not a Function URL event.</exception>
    public static PixelRequest FromFunctionUrl(string json, TimeProvider? clock = null) =>
        Read(json, clock, "a Lambda Function URL", LambdaEventKind.FunctionUrl);

    /// <summary>Reads an Application Load Balancer target group event, with or without multi-value headers.</summary>
    /// <param name="json">The event.</param>
    /// <param name="clock">Gives the request time, which these events do not carry; <see
    /// cref="FixedClock.DefaultTime"/> by default.</param>
    /// <returns>The request view.</returns>
    /// <exception cref="ArgumentException">The JSON is not a load balancer event.</exception>
    public static PixelRequest FromLoadBalancer(string json, TimeProvider? clock = null) => Read(
        json,
        clock,
        "an Application Load Balancer",
        LambdaEventKind.ApplicationLoadBalancer,
        LambdaEventKind.ApplicationLoadBalancerMultiValue);

    /// <summary>Reads any HTTP event the Lambda host understands, recognising its kind as the host does.</summary>
    /// <param name="json">The event.</param>
    /// <param name="clock">Gives the time when the event has none; <see cref="FixedClock.DefaultTime"/> by
    /// default.</param>
    /// <returns>The request view.</returns>
    /// <exception cref="ArgumentException">The JSON is not an HTTP event the host understands.</exception>
    public static PixelRequest FromEvent(string json, TimeProvider? clock = null) => Read(json, clock, null);

    private static PixelRequest Read(string json, TimeProvider? clock, string? expected, params LambdaEventKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(json);
        PixelRequest request;
        LambdaEventKind kind;
        try
        {
            request = EventMapper.Map(Encoding.UTF8.GetBytes(json), clock ?? new FixedClock(), out kind);
        }
        catch (UnsupportedEventException exception)
        {
            throw new ArgumentException(
                $"The JSON is not an HTTP event the Lambda host understands: {exception.Message}",
                nameof(json),
                exception);
        }

        if (expected is not null && !kinds.Contains(kind))
        {
            throw new ArgumentException(
                $"The JSON is not {expected} event: the Lambda host reads it as {kind}.", nameof(json));
        }

        return request;
    }
}
