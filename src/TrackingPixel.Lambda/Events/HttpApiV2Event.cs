namespace TrackingPixel.Lambda.Events;

// Payload format 2.0, used by HTTP APIs and Function URLs. Only what the mapping reads is modelled; unknown members are
// skipped by the deserialiser. Every member is optional because hostile or hand-written events omit anything.

/// <summary>An API Gateway HTTP API (or Function URL) request event, payload format 2.0.</summary>
internal sealed class HttpApiV2Event
{
    public string? RawPath { get; set; }

    public string? RawQueryString { get; set; }

    /// <summary>The <c>cookies</c> array, read only when a <c>Cookie</c> header is asked for.</summary>
    public JsonSlice Cookies { get; set; }

    /// <summary>Lower-cased names; repeated headers arrive comma-joined. Values may be JSON null.</summary>
    public JsonSlice Headers { get; set; }

    /// <summary>Decoded parameters, repeats comma-joined: read only for events without <c>rawQueryString</c>.</summary>
    public JsonSlice QueryStringParameters { get; set; }

    public HttpApiV2RequestContext? RequestContext { get; set; }
}

/// <summary>The <c>requestContext</c> of a 2.0 event.</summary>
internal sealed class HttpApiV2RequestContext
{
    public string? RequestId { get; set; }

    public string? DomainName { get; set; }

    /// <summary>Common Log Format time, for example <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    public string? Time { get; set; }

    public long? TimeEpoch { get; set; }

    public HttpApiV2Http? Http { get; set; }
}

/// <summary>The <c>requestContext.http</c> of a 2.0 event.</summary>
internal sealed class HttpApiV2Http
{
    public string? Method { get; set; }

    public string? Path { get; set; }

    public string? SourceIp { get; set; }
}
