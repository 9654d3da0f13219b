namespace TrackingPixel.Publishing;

/// <summary>
/// Options of the embedded file publisher, which writes newline-delimited JSON files partitioned by UTC hour.
/// </summary>
public sealed class FilePublisherOptions
{
    /// <summary>Gets or sets the folder records are written under, as <c>yyyy/MM/dd/HH/*.ndjson</c>.</summary>
    /// <value>Defaults to <c>records</c>, relative to the working directory.</value>
    public string Directory { get; set; } = "records";
}
