namespace TrackingPixel;

/// <summary>The values of the <see cref="FieldNames.EventType"/> field: what a front end's endpoint received.</summary>
public static class EventTypes
{
    /// <summary>The pixel was fetched, by an <c>&lt;img&gt;</c> in a page or an e-mail.</summary>
    public const string Pixel = "pixel";

    /// <summary>A page posted a beacon, with <c>navigator.sendBeacon</c> or <c>fetch</c>.</summary>
    public const string Beacon = "beacon";

    /// <summary>A reader followed a signed click link, and was redirected to its target.</summary>
    public const string Click = "click";
}
