using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Turns an HTTP event's JSON into the neutral <see cref="PixelRequest"/>, reading its header maps in place rather than
/// copying them.
/// </summary>
internal static class EventMapper
{
    // The last millisecond DateTimeOffset can hold; a larger epoch in a hostile event falls back to the clock.
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>Recognises and maps one event, whatever its path.</summary>
    /// <param name="json">
    /// The invocation payload; the request's headers read from it, so it must not be reused while the request lives.
    /// </param>
    /// <param name="time">The clock used when the event carries no usable request time.</param>
    /// <param name="kind">The recognised event shape.</param>
    /// <exception cref="UnsupportedEventException">The payload is not a recognisable HTTP event.</exception>
    public static PixelRequest Map(ReadOnlyMemory<byte> json, TimeProvider time, out LambdaEventKind kind) =>
        Map(json, time, route: null, out kind)!;

    /// <summary>Recognises one event and maps it when its path matches <paramref name="route"/>.</summary>
    /// <param name="json">
    /// The invocation payload; the request's headers read from it, so it must not be reused while the request lives.
    /// </param>
    /// <param name="time">The clock used when the event carries no usable request time.</param>
    /// <param name="route">The pixel's path; <see langword="null"/> accepts every path.</param>
    /// <param name="kind">The recognised event shape.</param>
    /// <returns>
    /// The request view, with the route's values; <see langword="null"/> when the path does not match.
    /// </returns>
    /// <exception cref="UnsupportedEventException">The payload is not a recognisable HTTP event.</exception>
    public static PixelRequest? Map(
        ReadOnlyMemory<byte> json,
        TimeProvider time,
        PixelRoute? route,
        out LambdaEventKind kind) =>
        Map(json, time, new LambdaRoutes(route, null, null), out kind, out _);

    /// <summary>Recognises one event and maps it for whichever of <paramref name="routes"/> its path matches.</summary>
    /// <param name="json">
    /// The invocation payload; the request's headers read from it, so it must not be reused while the request lives.
    /// </param>
    /// <param name="time">The clock used when the event carries no usable request time.</param>
    /// <param name="routes">The pixel's, beacon's and click's paths; the beacon and click are tried first.</param>
    /// <param name="kind">The recognised event shape.</param>
    /// <param name="body">
    /// A beacon's body, decoded but not yet parsed; <see langword="null"/> for other endpoints.
    /// </param>
    /// <returns>The request view, with its event type; <see langword="null"/> when no route matches.</returns>
    /// <exception cref="UnsupportedEventException">The payload is not a recognisable HTTP event.</exception>
    public static PixelRequest? Map(
        ReadOnlyMemory<byte> json,
        TimeProvider time,
        LambdaRoutes routes,
        out LambdaEventKind kind,
        out EventBody? body)
    {
        body = null;
        var facts = EventReader.Read(json.Span, out var entries, out var escapedNames);
        kind = EventShape.Classify(facts);
        var v2 = kind is LambdaEventKind.HttpApiV2 or LambdaEventKind.FunctionUrl;
        var path = (v2 ? facts.RawPath : facts.Path).ToText(json.Span) ?? "/";
        if (routes.Match(path, out var values) is not { } eventType)
        {
            return null;
        }

        var payload = new EventPayload(json, entries, escapedNames);
        var request = v2 ? MapV2(facts, payload, time, path, values, eventType)
            : kind == LambdaEventKind.RestApiV1 ? MapV1(facts, payload, time, path, values, eventType)
            : MapLoadBalancer(facts, payload, time, path, values, eventType);
        if (eventType == EventTypes.Beacon)
        {
            var base64 = facts.IsBase64Encoded.Kind == ScalarKind.Literal
                && facts.IsBase64Encoded.In(json.Span).SequenceEqual("true"u8);
            body = new EventBody(facts.Body, base64);
        }

        return request;
    }

    private static PixelRequest MapV2(
        in EventFacts facts,
        EventPayload payload,
        TimeProvider time,
        string path,
        IReadOnlyDictionary<string, string> route,
        string eventType)
    {
        var bytes = payload.Bytes;
        var raw = facts.RawQueryString.ToText(bytes) ?? string.Empty;
        raw = raw.StartsWith('?') ? raw[1..] : raw;
        return new PixelRequest
        {
            Method = MethodOf(facts.ContextMethod, bytes),
            Path = path,
            RawQuery = raw,

            // rawQueryString is exact and decoded lazily; the parsed map (repeats comma-joined, decoding unconfirmed)
            // is only a fallback for events without it, as hand-written test events are.
            Query = facts.RawQueryString.Kind == ScalarKind.Absent && !facts.Query.IsEmpty
                ? QueryParameters.FromPairs(payload.Pairs(facts.Query))
                : QueryParameters.Parse(raw),
            Headers = new PayloadHeaders(payload, default, facts.Headers, facts.Cookies),
            PeerAddress = facts.SourceIp.ToText(bytes),
            Timestamp = TimeOf(facts, bytes, time),
            RequestId = facts.RequestId.ToText(bytes),
            RouteValues = route,
            EventType = eventType,
        };
    }

    private static PixelRequest MapV1(
        in EventFacts facts,
        EventPayload payload,
        TimeProvider time,
        string path,
        IReadOnlyDictionary<string, string> route,
        string eventType)
    {
        var bytes = payload.Bytes;
        return new PixelRequest
        {
            Method = MethodOf(facts.HttpMethod, bytes),
            Path = path,

            // 1.0 has no raw query string: the multi-value map keeps every value of a repeated parameter.
            Query = !facts.MultiValueQuery.IsEmpty ? QueryParameters.FromPairs(payload.Pairs(facts.MultiValueQuery))
                : !facts.Query.IsEmpty ? QueryParameters.FromPairs(payload.Pairs(facts.Query))
                : QueryParameters.Empty,
            Headers = new PayloadHeaders(payload, facts.MultiValueHeaders, facts.Headers, default),
            PeerAddress = facts.IdentitySourceIp.ToText(bytes),
            Timestamp = TimeOf(facts, bytes, time),
            RequestId = facts.RequestId.ToText(bytes),
            RouteValues = route,
            EventType = eventType,
        };
    }

    /// <remarks>
    /// The load balancer passes query parameters as the client sent them, still percent-encoded, so they are joined
    /// back into a raw query string and decoded lazily like any other. It adds the address it saw to the right of
    /// <c>X-Forwarded-For</c>; entries left of it are whatever the client sent. Its events carry no time or id.
    /// </remarks>
    private static PixelRequest MapLoadBalancer(
        in EventFacts facts,
        EventPayload payload,
        TimeProvider time,
        string path,
        IReadOnlyDictionary<string, string> route,
        string eventType)
    {
        var bytes = payload.Bytes;
        var headers = new PayloadHeaders(payload, facts.MultiValueHeaders, facts.Headers, default);
        var raw = RawQuery(payload, facts.MultiValueQuery.IsPresent ? facts.MultiValueQuery : facts.Query);
        return new PixelRequest
        {
            Method = MethodOf(facts.HttpMethod, bytes),
            Path = path,
            RawQuery = raw,
            Query = QueryParameters.Parse(raw),
            Headers = headers,
            PeerAddress = headers.TryGetValue("X-Forwarded-For", out var forwarded)
                ? forwarded[(forwarded.LastIndexOf(',') + 1)..].Trim()
                : null,
            Timestamp = time.GetUtcNow(),
            RouteValues = route,
            EventType = eventType,
        };
    }

    private static string RawQuery(EventPayload payload, EntryRange range)
    {
        if (range.IsEmpty)
        {
            return string.Empty;
        }

        var query = new StringBuilder();
        foreach (var (name, value) in payload.Pairs(range))
        {
            query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(value);
        }

        return query.ToString();
    }

    /// <summary>The method, without allocating for the ones a pixel sees.</summary>
    private static string MethodOf(JsonScalar method, ReadOnlySpan<byte> payload) =>
        method.TextEquals(payload, "GET"u8) ? "GET"
            : method.TextEquals(payload, "HEAD"u8) ? "HEAD"
            : method.TextEquals(payload, "POST"u8) ? "POST"
            : method.ToText(payload) ?? "GET";

    private static DateTimeOffset TimeOf(in EventFacts facts, ReadOnlySpan<byte> payload, TimeProvider time)
    {
        var epoch = facts.TimeEpoch;
        if (epoch.Kind is ScalarKind.Literal or ScalarKind.Text
            && Utf8Parser.TryParse(epoch.In(payload), out long milliseconds, out var consumed)
            && consumed == epoch.Length
            && milliseconds is >= 0 and <= MaxEpochMilliseconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        return TryParseClf(facts.Time.ToText(payload), out var parsed) ? parsed : time.GetUtcNow();
    }

    /// <summary>Parses API Gateway's Common Log Format time, <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    private static bool TryParseClf(string? text, out DateTimeOffset value)
    {
        // .NET's "zzz" wants "+00:00"; CLF writes "+0000".
        var withColon = text is { Length: 26 } ? text.Insert(24, ":") : null;
        return DateTimeOffset.TryParseExact(
            withColon,
            "dd/MMM/yyyy:HH:mm:ss zzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal,
            out value);
    }
}
