namespace TrackingPixel.Lambda.Events;

// Payload format 1.0: REST API proxy integrations, and HTTP APIs configured for 1.0. Absent maps arrive as null.

/// <summary>An API Gateway REST API proxy request event, payload format 1.0.</summary>
internal sealed class RestApiV1Event
{
    public string? Path { get; set; }

    public string? HttpMethod { get; set; }

    /// <summary>Original header-name case; the last value of a repeated header. Values may be JSON null.</summary>
    public JsonSlice Headers { get; set; }

    /// <summary>Every value of every header, in order.</summary>
    public JsonSlice MultiValueHeaders { get; set; }

    public JsonSlice QueryStringParameters { get; set; }

    public JsonSlice MultiValueQueryStringParameters { get; set; }

    public RestApiV1RequestContext? RequestContext { get; set; }
}

/// <summary>The <c>requestContext</c> of a 1.0 event.</summary>
internal sealed class RestApiV1RequestContext
{
    public string? RequestId { get; set; }

    public string? RequestTime { get; set; }

    public long? RequestTimeEpoch { get; set; }

    public RestApiV1Identity? Identity { get; set; }
}

/// <summary>The <c>requestContext.identity</c> of a 1.0 event.</summary>
internal sealed class RestApiV1Identity
{
    public string? SourceIp { get; set; }
}
