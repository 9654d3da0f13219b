using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TrackingPixel.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Serves the TrackingPixel pixel from an ASP.NET Core app.</summary>
public static class TrackingPixelEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET</c> and <c>HEAD</c> on <paramref name="pattern"/> to the pixel: each request is recorded, then
    /// answered with the 1×1 GIF.
    /// </summary>
    /// <param name="endpoints">The app or route group.</param>
    /// <param name="pattern">
    /// The route, for example <c>/pixel.gif</c>, or <c>/o/{campaign}/{recipient}.gif</c> whose parameters
    /// <c>AddRouteField</c> records.
    /// </param>
    /// <returns>The endpoint's convention builder, to add metadata such as rate limiting or CORS.</returns>
    /// <remarks>
    /// Requires <c>services.AddTrackingPixel()</c>. The record is published before the pixel is sent, so a response
    /// means the record is stored (or kept by the undelivered-record sink); a failure there never withholds the pixel.
    /// The records of concurrent requests are published together, one publisher call for a batch of up to 500.
    /// <c>HEAD</c> is recorded too and gets the same headers without a body. The client address is the TCP peer,
    /// unless <see cref="TrackingPixel.ClientIpOptions.TrustedProxyCount"/> says which forwarding entry to
    /// trust. The handler is a plain <see cref="RequestDelegate"/>, so the endpoint is trim- and Native AOT-safe.
    /// </remarks>
    public static IEndpointConventionBuilder MapTrackingPixel(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/pixel.gif")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var services = endpoints.ServiceProvider;
        var endpoint = new PixelEndpoint(
            EndpointServices.Pipeline(services, nameof(MapTrackingPixel)),
            EndpointServices.Time(services),
            services.GetService<ILogger<PixelEndpoint>>() ?? NullLogger<PixelEndpoint>.Instance);
        return endpoints.MapMethods(pattern, [HttpMethods.Get, HttpMethods.Head], endpoint.HandleAsync);
    }
}
