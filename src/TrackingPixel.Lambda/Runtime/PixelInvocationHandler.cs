using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Events;
using TrackingPixel.Lambda.Responses;

namespace TrackingPixel.Lambda.Runtime;

/// <summary>Maps an HTTP event, collects its record and answers with the pixel envelope for that event's front
/// door.</summary>
/// <remarks>Shared by the Runtime API host and the managed-runtime stream handler, so both answer
/// identically.</remarks>
internal sealed class PixelInvocationHandler(
    PixelPipeline pipeline,
    TimeProvider time,
    PixelRoute? route = null,
    BeaconRoute? beacon = null,
    ClickRoute? click = null,
    EventEndpoints? endpoints = null) : IInvocationHandler
{
    private readonly LambdaRoutes _routes = new(route, beacon?.Route, click?.Route);

    // What an Application Load Balancer sends as User-Agent when it checks a Lambda target's health.
    private const string HealthCheckAgent = "ELB-HealthChecker/2.0";

    /// <summary>The handler for the services a host built: their pipeline, clock and pixel path.</summary>
    /// <exception cref="InvalidOperationException">A click path is configured without click-link keys.</exception>
    public static PixelInvocationHandler From(IServiceProvider services)
    {
        var pipeline = services.GetRequiredService<PixelPipeline>();
        var click = services.GetService<ClickRoute>();
        var signer = services.GetService<ClickLinkSigner>();
        if (click is not null && signer is null)
        {
            throw new InvalidOperationException(
                "UseLambdaClickPath needs the click-link keys: call AddClickLinks(o => o.Keys[\"key-id\"] = secret).");
        }

        var beacons = services.GetService<IOptions<BeaconOptions>>()?.Value ?? new BeaconOptions();
        return new(
            pipeline,
            services.GetRequiredService<TimeProvider>(),
            services.GetService<PixelRoute>(),
            services.GetService<BeaconRoute>(),
            click,
            new EventEndpoints(pipeline, beacons, signer));
    }

    public InvocationOutcome Handle(Invocation invocation) => Handle(invocation.Payload);

    public InvocationOutcome Handle(ReadOnlyMemory<byte> payload)
    {
        if (EventMapper.Map(payload, time, _routes, out var kind, out var body) is not { } request)
        {
            return new InvocationOutcome(ProxyResponse.NotFound(kind), null);
        }

        if (request.EventType != EventTypes.Pixel && endpoints is not null)
        {
            return request.EventType == EventTypes.Beacon
                ? endpoints.Beacon(request, body, payload.Span, kind)
                : endpoints.Click(request, kind);
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
