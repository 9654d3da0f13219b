namespace TrackingPixel;

/// <summary>The JSON type of a record field, as a schema or a query engine sees it.</summary>
public enum FieldType
{
    /// <summary>A JSON string.</summary>
    Text,

    /// <summary>A JSON string holding an ISO 8601 UTC timestamp with milliseconds.</summary>
    Timestamp,

    /// <summary>A JSON integer.</summary>
    WholeNumber,

    /// <summary>A JSON number.</summary>
    Number,

    /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON array of strings.</summary>
    TextList,
}
