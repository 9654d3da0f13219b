namespace TrackingPixel.Identity;

/// <summary>The names of the fields the identity extractors write.</summary>
public static class IdentityFieldNames
{
    /// <summary>A unique id per request, for de-duplicating at-least-once delivery downstream.</summary>
    public const string EventId = "eventId";
}
