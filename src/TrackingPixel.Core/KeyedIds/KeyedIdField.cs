namespace TrackingPixel;

/// <summary>Registered once per keyed id, so a consent policy knows which fields hold identifiers to strip.</summary>
/// <param name="Name">The keyed id's field name.</param>
internal sealed record KeyedIdField(string Name);
