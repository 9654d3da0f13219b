using System.Collections.ObjectModel;
using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel;

/// <summary>
/// The neutral view of one pixel request that every front end (ASP.NET Core, Lambda events) maps into.
/// </summary>
/// <remarks>
/// Front ends wrap what the platform already parsed instead of copying it: headers stay in the
/// platform's collection behind <see cref="RequestHeaders"/>, and the query string is decoded lazily,
/// only for the parameters an extractor asks for.
/// </remarks>
public sealed class PixelRequest
{
    private QueryParameters? _query;

    /// <summary>Gets the HTTP method, for example <c>GET</c> or <c>HEAD</c>.</summary>
    /// <value>Defaults to <c>GET</c>.</value>
    public string Method { get; init; } = "GET";

    /// <summary>Gets the request path, for example <c>/pixel.gif</c>.</summary>
    /// <value>Defaults to <c>/</c>.</value>
    public string Path { get; init; } = "/";

    /// <summary>Gets the raw, still percent-encoded query string without its leading <c>?</c>.</summary>
    /// <value>Empty when the request had no query string.</value>
    public string RawQuery { get; init; } = string.Empty;

    /// <summary>Gets the decoded query parameters, repeated keys kept in request order.</summary>
    /// <value>Parsed from <see cref="RawQuery"/> on first use unless a front end supplied decoded pairs.</value>
    public QueryParameters Query
    {
        get => _query ??= QueryParameters.Parse(RawQuery);
        init => _query = value;
    }

    /// <summary>Gets the request headers, looked up case-insensitively.</summary>
    public RequestHeaders Headers { get; init; } = RequestHeaders.Empty;

    /// <summary>Gets the client address the platform observed: the TCP peer, or API Gateway's
    /// <c>sourceIp</c>.</summary>
    /// <value>The textual address, unvalidated; <see langword="null"/> when the platform gave none.</value>
    public string? PeerAddress { get; init; }

    /// <summary>Gets the time the platform received the request.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the platform's identifier for this request, such as API Gateway's <c>requestId</c>.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the members of the request's body, for a beacon <c>POST</c>.</summary>
    /// <value><see cref="RequestBody.Empty"/> for a request without a body, such as the pixel's <c>GET</c>.</value>
    public RequestBody Body { get; init; } = RequestBody.Empty;

    /// <summary>Gets what the request records: a pixel view, a beacon or a click, one of <see
    /// cref="EventTypes"/>.</summary>
    /// <value>Defaults to <see cref="EventTypes.Pixel"/>.</value>
    public string EventType { get; init; } = EventTypes.Pixel;

    /// <summary>Gets the values of the pixel route's parameters, such as <c>campaign</c> in
    /// <c>/o/{campaign}/{recipient}.gif</c>.</summary>
    /// <value>Decoded values by parameter name (compared ordinally); empty when the route has no parameters.</value>
    public IReadOnlyDictionary<string, string> RouteValues { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>Gets the first value of a parameter from the query string or, when the query lacks it, the
    /// body.</summary>
    /// <param name="name">The parameter name, compared ordinally.</param>
    /// <param name="value">The decoded value.</param>
    /// <returns><see langword="true"/> when the query or the body has the parameter.</returns>
    /// <remarks>
    /// An extractor reading parameters this way records <c>?userid=</c> on a pixel and <c>{"userid": …}</c> in a
    /// beacon alike; the query wins when both carry it.
    /// </remarks>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out string? value) =>
        TryGetParameter(name, out value, out _);

    internal bool TryGetParameter(string name, [NotNullWhen(true)] out string? value, out bool malformed) =>
        Query.TryGetValue(name, out value, out malformed)
        || Body.Parameters.TryGetValue(name, out value, out malformed);
}
