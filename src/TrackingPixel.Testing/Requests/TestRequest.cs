using System.Collections.ObjectModel;
using System.Text;

namespace TrackingPixel.Testing;

/// <summary>Builds a <see cref="PixelRequest"/> the way a self-hosted endpoint sees one: path, query, headers, client
/// address and cookies.</summary>
/// <remarks>
/// Names and values are used as given; <see cref="WithQueryParameter"/> percent-encodes for you, <see
/// cref="WithQuery"/>
/// does not. A header set twice is joined with <c>", "</c> as HTTP allows; cookies go into one <c>Cookie</c> header.
/// Without <see cref="At"/> the request time is the clock's, so a <see cref="FixedClock"/> gives a stable <c>date</c>.
/// </remarks>
public sealed class TestRequest
{
    /// <summary>The client address a request has unless <see cref="WithClientAddress"/> says otherwise
    /// (TEST-NET-3).</summary>
    public const string DefaultClientAddress = "203.0.113.7";

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _routeValues = new(StringComparer.Ordinal);
    private readonly StringBuilder _query = new();
    private readonly StringBuilder _cookies = new();
    private string? _clientAddress = DefaultClientAddress;
    private string? _requestId;
    private DateTimeOffset? _timestamp;

    private TestRequest(string method, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Method = method;
        Path = path;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the request path.</summary>
    public string Path { get; }

    /// <summary>Starts a <c>GET</c> request, as an image tag sends.</summary>
    /// <param name="path">The path; <c>/pixel.gif</c> by default.</param>
    /// <returns>The builder.</returns>
    public static TestRequest Get(string path = "/pixel.gif") => new("GET", path);

    /// <summary>Starts a <c>HEAD</c> request, as link checkers and some mail proxies send.</summary>
    /// <param name="path">The path; <c>/pixel.gif</c> by default.</param>
    /// <returns>The builder.</returns>
    public static TestRequest Head(string path = "/pixel.gif") => new("HEAD", path);

    /// <summary>Appends raw, already percent-encoded query text such as
    /// <c>userid=u-1&amp;thirdpartyname=site</c>.</summary>
    /// <param name="rawQuery">The text, with or without a leading <c>?</c>.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithQuery(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var text = rawQuery.StartsWith('?') ? rawQuery[1..] : rawQuery;
        if (text.Length > 0)
        {
            _query.Append(_query.Length == 0 ? "" : "&").Append(text);
        }

        return this;
    }

    /// <summary>Appends one query parameter, percent-encoding its name and value.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The parameter's value.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithQueryParameter(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        return WithQuery(Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value));
    }

    /// <summary>Adds a header; a second value for the same name (in any case) is joined to the first with <c>",
    /// "</c>.</summary>
    /// <param name="name">The header's name.</param>
    /// <param name="value">The header's value.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _headers[name] = _headers.TryGetValue(name, out var first) ? first + ", " + value : value;
        return this;
    }

    /// <summary>Sets the <c>User-Agent</c> header.</summary>
    /// <param name="userAgent">The user agent string.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithUserAgent(string userAgent)
    {
        ArgumentNullException.ThrowIfNull(userAgent);
        _headers["User-Agent"] = userAgent;
        return this;
    }

    /// <summary>Adds a cookie to the request's <c>Cookie</c> header.</summary>
    /// <param name="name">The cookie's name.</param>
    /// <param name="value">The cookie's value, as sent.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithCookie(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _cookies.Append(_cookies.Length == 0 ? "" : "; ").Append(name).Append('=').Append(value);
        return this;
    }

    /// <summary>Sets the address the platform observed as the peer (the TCP peer, or API Gateway's
    /// <c>sourceIp</c>).</summary>
    /// <param name="address">The address as text, unvalidated; <see langword="null"/> for none.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithClientAddress(string? address)
    {
        _clientAddress = address;
        return this;
    }

    /// <summary>Sets the platform's request identifier.</summary>
    /// <param name="requestId">The identifier; <see langword="null"/> (the default) for none.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithRequestId(string? requestId)
    {
        _requestId = requestId;
        return this;
    }

    /// <summary>Sets the value of a route parameter, as a route such as <c>/o/{campaign}.gif</c> would have matched
    /// it.</summary>
    /// <param name="name">The parameter's name.</param>
    /// <param name="value">The decoded value.</param>
    /// <returns>The builder.</returns>
    public TestRequest WithRouteValue(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        _routeValues[name] = value;
        return this;
    }

    /// <summary>Sets the time the platform received the request, instead of the clock's time.</summary>
    /// <param name="timestamp">The time.</param>
    /// <returns>The builder.</returns>
    public TestRequest At(DateTimeOffset timestamp)
    {
        _timestamp = timestamp;
        return this;
    }

    /// <summary>Builds the request view an extractor sees.</summary>
    /// <param name="clock">Gives the request time unless <see cref="At"/> set one; <see cref="FixedClock.DefaultTime"/>
    /// without either.</param>
    /// <returns>A new request; later changes to this builder do not affect it.</returns>
    public PixelRequest ToPixelRequest(TimeProvider? clock = null)
    {
        var headers = new Dictionary<string, string>(_headers, StringComparer.OrdinalIgnoreCase);
        if (_cookies.Length > 0)
        {
            var cookies = _cookies.ToString();
            headers["Cookie"] = headers.TryGetValue("Cookie", out var set) ? set + "; " + cookies : cookies;
        }

        return new PixelRequest
        {
            Method = Method,
            Path = Path,
            RawQuery = _query.ToString(),
            Headers = RequestHeaders.FromDictionary(headers),
            PeerAddress = _clientAddress,
            RequestId = _requestId,
            Timestamp = _timestamp ?? clock?.GetUtcNow() ?? FixedClock.DefaultTime,
            RouteValues = new ReadOnlyDictionary<string, string>(
                new Dictionary<string, string>(_routeValues, StringComparer.Ordinal)),
        };
    }
}
