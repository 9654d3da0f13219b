using Microsoft.Extensions.DependencyInjection;

namespace TrackingPixel.Sample.Lambda;

/// <summary>The reference function's paths: the pixel's, the beacon's and signed click links', from environment
/// variables.</summary>
public static class ReferenceEndpoints
{
    /// <summary>The pixel's path (a route pattern); other paths get a 404.</summary>
    public const string PixelPathVariable = "TRACKINGPIXEL_PATH";

    /// <summary>The beacon's path, for example <c>/beacon</c>; unset serves no beacon.</summary>
    public const string BeaconPathVariable = "TRACKINGPIXEL_BEACON_PATH";

    /// <summary>Comma-separated origins allowed to post JSON beacons with CORS, such as
    /// <c>https://www.example.com</c>.</summary>
    public const string BeaconOriginsVariable = "TRACKINGPIXEL_BEACON_ORIGINS";

    /// <summary>The click endpoint's path, for example <c>/click</c>; served only when keys are set.</summary>
    public const string ClickPathVariable = "TRACKINGPIXEL_CLICK_PATH";

    /// <summary>Comma-separated <c>keyid=secret</c> pairs verifying click links; the first signs.</summary>
    public const string ClickKeysVariable = "TRACKINGPIXEL_CLICK_KEYS";

    /// <summary>Where a link that does not verify is redirected; unset answers 400.</summary>
    public const string ClickFallbackVariable = "TRACKINGPIXEL_CLICK_FALLBACK_URL";

    /// <summary>Registers the paths the environment names.</summary>
    /// <param name="pixel">The TrackingPixel builder.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ITrackingPixelBuilder AddReferenceEndpoints(
        this ITrackingPixelBuilder pixel, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(pixel);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment(PixelPathVariable) is { Length: > 0 } path)
        {
            pixel.UseLambdaPixelPath(path);
        }

        if (environment(BeaconPathVariable) is { Length: > 0 } beacon)
        {
            pixel.UseLambdaBeaconPath(beacon).ConfigureBeacons(o =>
            {
                foreach (var origin in List(environment(BeaconOriginsVariable)))
                {
                    o.AllowedOrigins.Add(origin);
                }
            });
        }

        var keys = List(environment(ClickKeysVariable));
        if (environment(ClickPathVariable) is { Length: > 0 } click && keys.Length > 0)
        {
            pixel.UseLambdaClickPath(click).AddClickLinks(o =>
            {
                foreach (var pair in keys)
                {
                    // A malformed pair is kept with an empty id, which validation rejects at init with a clear message.
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    o.Keys[equals > 0 ? pair[..equals] : string.Empty] = equals > 0
                        ? pair[(equals + 1)..]
                        : string.Empty;
                }

                o.SigningKeyId = keys[0].Split('=')[0];
                o.FallbackUrl = environment(ClickFallbackVariable) is { Length: > 0 } fallback ? fallback : null;
            });
        }

        return pixel;
    }

    private static string[] List(string? text) =>
        (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
