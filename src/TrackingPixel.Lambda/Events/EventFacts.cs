namespace TrackingPixel.Lambda.Events;

/// <summary>The value of an event's <c>version</c> member.</summary>
internal enum EventVersion : byte
{
    /// <summary>No <c>version</c> (REST API and load balancer events have none).</summary>
    None,

    /// <summary><c>"1.0"</c>: an HTTP API with payload format 1.0 (and other sources that reuse the number).</summary>
    V1,

    /// <summary><c>"2.0"</c>: an HTTP API with payload format 2.0, or a Function URL.</summary>
    V2,

    /// <summary>Any other value or type.</summary>
    Other,
}

/// <summary>What the single reading pass over an event found: positions of every member the mapping may use.</summary>
/// <remarks>
/// Members are recorded whatever order they come in and whatever event shape they turn out to belong to; only once the
/// whole object is read does <see cref="EventShape"/> decide what kind of event it is.
/// </remarks>
internal struct EventFacts
{
    public EventVersion Version;

    /// <summary>A top-level member that names a non-HTTP event source, for the error message.</summary>
    public string? Hint;

    // Payload 2.0.
    public JsonScalar RawPath;
    public JsonScalar RawQueryString;
    public EntryRange Cookies;

    // Payload 1.0 and load balancer events.
    public JsonScalar HttpMethod;
    public JsonScalar Path;
    public EntryRange MultiValueHeaders;
    public EntryRange MultiValueQuery;

    // Every shape.
    public JsonScalar Body;
    public JsonScalar IsBase64Encoded;
    public EntryRange Headers;
    public EntryRange Query;

    // requestContext.
    public bool HasRequestContext;
    public bool IsWebSocket;
    public bool IsLoadBalancer;
    public bool IsFunctionUrlDomain;
    public bool HasHttpContext;
    public JsonScalar RequestId;
    public JsonScalar ContextMethod;
    public JsonScalar ContextPath;
    public JsonScalar SourceIp;
    public JsonScalar IdentitySourceIp;
    public JsonScalar Time;
    public JsonScalar TimeEpoch;
}
