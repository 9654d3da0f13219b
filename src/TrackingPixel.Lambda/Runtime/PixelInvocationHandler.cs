using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>Maps an HTTP event, collects its record and answers with the pixel envelope for that event's front door.</summary>
/// <remarks>Shared by the Runtime API host and the managed-runtime stream handler, so both answer identically.</remarks>
internal sealed class PixelInvocationHandler(PixelPipeline pipeline, TimeProvider time, PixelRoute? route = null) : IInvocationHandler
{
    // What an Application Load Balancer sends as User-Agent when it checks a Lambda target's health.
    private const string HealthCheckAgent = "ELB-HealthChecker/2.0";

    /// <summary>The handler for the services a host built: their pipeline, clock and pixel path.</summary>
    public static PixelInvocationHandler From(IServiceProvider services) => new(
        services.GetRequiredService<PixelPipeline>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetService<PixelRoute>());

    public InvocationOutcome Handle(Invocation invocation) => Handle(invocation.Payload);

    public InvocationOutcome Handle(ReadOnlyMemory<byte> payload)
    {
        if (EventMapper.Map(payload, time, route, out var kind) is not { } request)
        {
            return new InvocationOutcome(ProxyResponse.NotFound(kind), null);
        }

        // A health check is the load balancer asking, not a view: answered, not recorded.
        if (kind is LambdaEventKind.ApplicationLoadBalancer or LambdaEventKind.ApplicationLoadBalancerMultiValue
            && request.Headers.TryGetValue("User-Agent", out var agent) && agent == HealthCheckAgent)
        {
            return new InvocationOutcome(ProxyResponse.For(kind), null);
        }

        // Collect never throws; a null record (discarded by an extractor) still gets the pixel.
        return new InvocationOutcome(ProxyResponse.For(kind), pipeline.Collect(request));
    }
}
