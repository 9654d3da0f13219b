namespace TrackingPixel.Lambda.Events;

// Payload format 1.0: REST API proxy integrations, and HTTP APIs configured for 1.0. Absent maps arrive as null.

/// <summary>An API Gateway REST API proxy request event, payload format 1.0.</summary>
internal sealed class RestApiV1Event
{
    public string? Version { get; set; }

    public string? Path { get; set; }

    public string? HttpMethod { get; set; }

    /// <summary>Original header-name case; the last value of a repeated header. Values may be JSON null.</summary>
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Every value of every header, in order.</summary>
    public Dictionary<string, List<string?>?>? MultiValueHeaders { get; set; }

    public Dictionary<string, string>? QueryStringParameters { get; set; }

    public Dictionary<string, List<string?>?>? MultiValueQueryStringParameters { get; set; }

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
