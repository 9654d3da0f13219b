namespace TrackingPixel.Publishing;

/// <summary>What became of one published record.</summary>
public enum PublishOutcome
{
    /// <summary>The publisher accepted the record: it is stored.</summary>
    Published,

    /// <summary>The publisher did not accept it, and it was written whole to the undelivered-record sink for replay.</summary>
    Undelivered,

    /// <summary>Neither the publisher nor the undelivered-record sink kept it; it is counted on the lost-records meter.</summary>
    Lost,
}
