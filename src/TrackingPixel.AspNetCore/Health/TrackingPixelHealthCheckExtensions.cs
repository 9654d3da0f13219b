using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrackingPixel;
using TrackingPixel.AspNetCore;
using TrackingPixel.Publishing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Liveness and readiness for a self-hosted collector, through ASP.NET Core health checks.</summary>
public static class TrackingPixelHealthCheckExtensions
{
    /// <summary>The tag of the readiness checks; <see cref="MapTrackingPixelHealth"/> runs only these for
    /// readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Adds the <c>trackingpixel</c> readiness check: the publisher is ready and no record was lost in the
    /// last minute.</summary>
    /// <param name="builder">The health checks builder from <c>services.AddHealthChecks()</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// The file publisher is ready when its folder is writable; the Firehose publisher when credentials can be
    /// obtained. A record lost (publisher and undelivered-record sink both failed) turns it unhealthy for a minute.
    /// </remarks>
    public static IHealthChecksBuilder AddTrackingPixelReadiness(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // One instance: it remembers when it last saw the lost-records count grow, and the registration's factory runs
        // on every check.
        builder.Services.TryAddSingleton(sp => new PipelineReadinessCheck(
            sp.GetRequiredService<PixelPipeline>(),
            sp.GetRequiredService<IRecordPublisher>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder.Add(new HealthCheckRegistration(
            "trackingpixel",
            sp => sp.GetRequiredService<PipelineReadinessCheck>(),
            HealthStatus.Unhealthy,
            [ReadyTag]));
    }

    /// <summary>Maps <c>{pattern}/live</c> (the process serves) and <c>{pattern}/ready</c> and <c>{pattern}</c> (the
    /// ready-tagged checks pass).</summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The base path, <c>/healthz</c> by default.</param>
    /// <returns>The endpoints' convention builder, for all three.</returns>
    /// <remarks>Requires <c>services.AddHealthChecks().AddTrackingPixelReadiness()</c>; answers 200 Healthy or 503
    /// Unhealthy as text.</remarks>
    public static IEndpointConventionBuilder MapTrackingPixelHealth(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/healthz")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var group = endpoints.MapGroup(pattern);
        group.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false });
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        group.MapHealthChecks("/ready", ready);
        group.MapHealthChecks(string.Empty, ready);
        return group;
    }
}
