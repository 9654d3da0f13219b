namespace TrackingPixel.Firehose.Athena;

/// <summary>Where the Athena table over the records lives.</summary>
public sealed class AthenaTableOptions
{
    /// <summary>Gets or sets the table name.</summary>
    /// <value>Defaults to <c>tracking_pixel</c>.</value>
    public string TableName { get; set; } = "tracking_pixel";

    /// <summary>Gets or sets the S3 folder holding the hourly prefixes, ending in <c>/</c>.</summary>
    /// <value>
    /// Defaults to the reference stack's layout, <c>s3://YOUR-BUCKET/records/</c>; replace the bucket name.
    /// </value>
    public string Location { get; set; } = "s3://YOUR-BUCKET/records/";

    /// <summary>Gets or sets the first year partition projection covers.</summary>
    /// <value>Defaults to 2024.</value>
    public int FirstYear { get; set; } = 2024;
}
