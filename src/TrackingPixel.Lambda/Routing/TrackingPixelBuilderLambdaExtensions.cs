using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrackingPixel.Lambda;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures how the Lambda host answers the events it receives.</summary>
public static class TrackingPixelBuilderLambdaExtensions
{
    /// <summary>
    /// Serves the pixel only on <paramref name="pattern"/>; other paths get a bodiless 404 and no record.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="pattern">
    /// The path, for example <c>/pixel.gif</c>, or a route with parameters such as <c>/o/{campaign}/{recipient}.gif</c>
    /// (one parameter per segment, literal text around it allowed) whose values <c>AddRouteField</c> records.
    /// </param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not such a route.</exception>
    /// <remarks>
    /// Without it every path gets the pixel, which suits an HTTP API whose routes already chose the path. A Function
    /// URL or a load balancer sends every path (<c>/favicon.ico</c>, scanners) to the function. Calling it again
    /// replaces the path.
    /// </remarks>
    public static ITrackingPixelBuilder UseLambdaPixelPath(
        this ITrackingPixelBuilder builder,
        [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var route = PixelRoute.Parse(pattern);
        builder.Services.RemoveAll<PixelRoute>();
        builder.Services.AddSingleton(route);
        return builder;
    }

    /// <summary>
    /// Serves the beacon on <paramref name="pattern"/>: <c>POST</c> bodies recorded and answered 204, CORS preflights
    /// answered.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="pattern">The path, for example <c>/beacon</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a route.</exception>
    /// <remarks>
    /// <c>ConfigureBeacons</c> sets the body limit (64 KiB; 413 beyond) and the origins allowed to post JSON. The front
    /// door must route <c>POST</c> and <c>OPTIONS</c> on the path to the function. Calling it again replaces the path.
    /// </remarks>
    public static ITrackingPixelBuilder UseLambdaBeaconPath(
        this ITrackingPixelBuilder builder, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var route = new BeaconRoute(PixelRoute.Parse(pattern));
        builder.Services.RemoveAll<BeaconRoute>();
        builder.Services.AddSingleton(route);
        return builder;
    }

    /// <summary>
    /// Serves signed click links on <paramref name="pattern"/>: verified, recorded and redirected with 302.
    /// </summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="pattern">The path, for example <c>/click</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is not a route.</exception>
    /// <remarks>
    /// Needs <c>AddClickLinks(...)</c>, or init fails. A link that does not verify gets 400 (or the fallback URL) and
    /// no record. Calling it again replaces the path.
    /// </remarks>
    public static ITrackingPixelBuilder UseLambdaClickPath(
        this ITrackingPixelBuilder builder, [StringSyntax("Route")] string pattern)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var route = new ClickRoute(PixelRoute.Parse(pattern));
        builder.Services.RemoveAll<ClickRoute>();
        builder.Services.AddSingleton(route);
        return builder;
    }
}
