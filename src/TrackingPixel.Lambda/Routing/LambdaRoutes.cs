using System.Collections.ObjectModel;

namespace TrackingPixel.Lambda;

/// <summary>The paths the Lambda host answers: the pixel's, and optionally the beacon's and the click
/// endpoint's.</summary>
/// <param name="Pixel">The pixel's route; <see langword="null"/> serves the pixel on every other path.</param>
/// <param name="Beacon">The beacon's path; <see langword="null"/> when beacons are not served.</param>
/// <param name="Click">The click endpoint's path; <see langword="null"/> when click links are not served.</param>
internal sealed record LambdaRoutes(PixelRoute? Pixel, PixelRoute? Beacon, PixelRoute? Click)
{
    /// <summary>Says which endpoint <paramref name="path"/> belongs to, as an event type, with the route's
    /// values.</summary>
    /// <returns>One of <see cref="EventTypes"/>; <see langword="null"/> when the path is none of the routes.</returns>
    public string? Match(string path, out IReadOnlyDictionary<string, string> values)
    {
        values = ReadOnlyDictionary<string, string>.Empty;
        if (Beacon is not null && Beacon.TryMatch(path, out var beacon))
        {
            values = beacon;
            return EventTypes.Beacon;
        }

        if (Click is not null && Click.TryMatch(path, out var click))
        {
            values = click;
            return EventTypes.Click;
        }

        if (Pixel is null)
        {
            return EventTypes.Pixel;
        }

        if (Pixel.TryMatch(path, out var pixel))
        {
            values = pixel;
            return EventTypes.Pixel;
        }

        return null;
    }
}

/// <summary>The beacon's path, as registered by <c>UseLambdaBeaconPath</c>.</summary>
internal sealed record BeaconRoute(PixelRoute Route);

/// <summary>The click endpoint's path, as registered by <c>UseLambdaClickPath</c>.</summary>
internal sealed record ClickRoute(PixelRoute Route);
