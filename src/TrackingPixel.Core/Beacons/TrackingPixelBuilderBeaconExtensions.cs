using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrackingPixel;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures the beacon endpoint, which records <c>navigator.sendBeacon</c> and <c>fetch</c> posts.</summary>
public static class TrackingPixelBuilderBeaconExtensions
{
    /// <summary>Sets the beacon endpoint's body limit and the origins allowed to post JSON with CORS.</summary>
    /// <param name="builder">The TrackingPixel builder.</param>
    /// <param name="configure">Sets the options; see <see cref="BeaconOptions"/> for defaults and ranges.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <remarks>
    /// Optional: without it the endpoints (<c>MapTrackingPixelBeacon</c>, <c>UseLambdaBeaconPath</c>) read bodies of
    /// up to 64 KiB and allow no preflighted origin. Validated at start-up.
    /// </remarks>
    public static ITrackingPixelBuilder ConfigureBeacons(
        this ITrackingPixelBuilder builder, Action<BeaconOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<BeaconOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<BeaconOptions>, BeaconOptionsValidator>());
        return builder;
    }
}
