using System.Globalization;
using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>Turns an HTTP event's JSON into the neutral <see cref="PixelRequest"/>, reading its header maps in place rather than copying them.</summary>
internal static class EventMapper
{
    // The last millisecond DateTimeOffset can hold; a larger epoch in a hostile event falls back to the clock.
    private const long MaxEpochMilliseconds = 253_402_300_799_999;

    /// <summary>Recognises and maps one event.</summary>
    /// <param name="json">The invocation payload; the request's headers read from it, so it must not be reused while the request lives.</param>
    /// <param name="time">The clock used when the event carries no usable request time.</param>
    /// <param name="kind">The recognised event shape.</param>
    /// <exception cref="UnsupportedEventException">The payload is not a recognisable HTTP event.</exception>
    public static PixelRequest Map(ReadOnlyMemory<byte> json, TimeProvider time, out LambdaEventKind kind)
    {
        kind = EventDetector.Detect(json.Span);
        try
        {
            if (kind == LambdaEventKind.RestApiV1)
            {
                return MapV1(JsonSerializer.Deserialize(json.Span, LambdaJsonContext.Default.RestApiV1Event)!, json, time);
            }

            var v2 = JsonSerializer.Deserialize(json.Span, LambdaJsonContext.Default.HttpApiV2Event)!;
            if (v2.RequestContext?.DomainName?.Contains(".lambda-url.", StringComparison.OrdinalIgnoreCase) == true)
            {
                kind = LambdaEventKind.FunctionUrl;
            }

            return MapV2(v2, json, time);
        }
        catch (JsonException exception)
        {
            throw new UnsupportedEventException(
                $"The {kind} event does not have the documented shape: {exception.Message}", exception);
        }
    }

    private static PixelRequest MapV2(HttpApiV2Event e, ReadOnlyMemory<byte> json, TimeProvider time)
    {
        var context = e.RequestContext;
        var http = context?.Http;
        var raw = e.RawQueryString ?? string.Empty;
        raw = raw.StartsWith('?') ? raw[1..] : raw;
        return new PixelRequest
        {
            Method = http?.Method ?? "GET",
            Path = e.RawPath ?? http?.Path ?? "/",
            RawQuery = raw,

            // rawQueryString is exact and decoded lazily; the parsed map (repeats comma-joined, decoding unconfirmed)
            // is only a fallback for events without it, as hand-written test events are.
            Query = e.RawQueryString is null && LenientMaps.ReadStringMap(json, e.QueryStringParameters) is { Count: > 0 } parameters
                ? QueryParameters.FromPairs(Pairs(parameters))
                : QueryParameters.Parse(raw),
            Headers = new HttpApiV2Headers(json, e.Headers, e.Cookies),
            PeerAddress = http?.SourceIp,
            Timestamp = TimeOf(context?.TimeEpoch, context?.Time, time),
            RequestId = context?.RequestId,
        };
    }

    private static PixelRequest MapV1(RestApiV1Event e, ReadOnlyMemory<byte> json, TimeProvider time)
    {
        var context = e.RequestContext;
        return new PixelRequest
        {
            Method = e.HttpMethod ?? "GET",
            Path = e.Path ?? "/",

            // 1.0 has no raw query string: the multi-value map keeps every value of a repeated parameter.
            Query = LenientMaps.ReadMultiMap(json, e.MultiValueQueryStringParameters) is { Count: > 0 } multi ? QueryParameters.FromPairs(MultiPairs(multi))
                : LenientMaps.ReadStringMap(json, e.QueryStringParameters) is { Count: > 0 } single ? QueryParameters.FromPairs(Pairs(single))
                : QueryParameters.Empty,
            Headers = new RestApiV1Headers(json, e.Headers, e.MultiValueHeaders),
            PeerAddress = context?.Identity?.SourceIp,
            Timestamp = TimeOf(context?.RequestTimeEpoch, context?.RequestTime, time),
            RequestId = context?.RequestId,
        };
    }

    private static IEnumerable<KeyValuePair<string, string>> Pairs(Dictionary<string, string?> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                yield return new(name, value);
            }
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> MultiPairs(Dictionary<string, List<string?>?> parameters)
    {
        foreach (var (name, values) in parameters)
        {
            foreach (var value in values ?? [])
            {
                if (value is not null)
                {
                    yield return new(name, value);
                }
            }
        }
    }

    private static DateTimeOffset TimeOf(long? epochMilliseconds, string? clfTime, TimeProvider time)
    {
        if (epochMilliseconds is >= 0 and <= MaxEpochMilliseconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds.Value);
        }

        return TryParseClf(clfTime, out var parsed) ? parsed : time.GetUtcNow();
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
