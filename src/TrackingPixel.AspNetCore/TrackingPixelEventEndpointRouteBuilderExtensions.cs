using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrackingPixel;
using TrackingPixel.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves TrackingPixel's beacon and click endpoints from an ASP.NET Core app.</summary>
public static class TrackingPixelEventEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST</c> (and its CORS preflight) on <paramref name="pattern"/> to the beacon: recorded,
    /// answered 204.</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, <c>/beacon</c> by default.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <remarks>
    /// Requires <c>services.AddTrackingPixel()</c>; <c>ConfigureBeacons</c> sets the body limit (64 KiB by default,
    /// 413 beyond it) and the origins allowed to post JSON. Form, JSON and text bodies' members are visible to the
    /// extractors like query parameters (<see cref="PixelRequest.TryGetParameter(string, out string?)"/>); a body that
    /// cannot be read never fails the record, it is counted and logged as an input problem. The record has
    /// <c>eventType</c> <c>beacon</c>.
    /// </remarks>
    public static IEndpointConventionBuilder MapTrackingPixelBeacon(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/beacon")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        var endpoint = new BeaconEndpoint(
            EndpointServices.Pipeline(services, nameof(MapTrackingPixelBeacon)),
            services.GetService<IOptions<BeaconOptions>>()?.Value ?? new BeaconOptions(),
            EndpointServices.Time(services));
        return endpoints.MapMethods(pattern, [HttpMethods.Post, HttpMethods.Options], endpoint.HandleAsync);
    }

    /// <summary>Maps <c>GET</c> and <c>HEAD</c> on <paramref name="pattern"/> to signed click links: verified,
    /// recorded, redirected.</summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">The route, <c>/click</c> by default.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <remarks>
    /// Requires <c>AddClickLinks(...)</c>. Only a link whose signature verifies (<see cref="ClickLinkSigner"/>) is
    /// recorded, with <c>eventType</c> <c>click</c> and its <c>clickTarget</c>, and answered 302 to its target;
    /// anything else gets 400, or a 302 to the configured fallback URL, and no record.
    /// </remarks>
    public static IEndpointConventionBuilder MapTrackingPixelClick(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/click")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        var signer = services.GetService<ClickLinkSigner>()
            ?? throw new InvalidOperationException(
                "MapTrackingPixelClick needs the click-link keys: call AddClickLinks(o => o.Keys[\"key-id\"] = " +
                    "secret) on AddTrackingPixel().");
        var endpoint = new ClickEndpoint(
            EndpointServices.Pipeline(services, nameof(MapTrackingPixelClick)),
            signer,
            EndpointServices.Time(services),
            Logger<ClickEndpoint>(services));
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], endpoint.HandleAsync);
    }

    private static ILogger Logger<T>(IServiceProvider services) =>
        services.GetService<ILogger<T>>() ?? (ILogger)NullLogger<T>.Instance;
}
