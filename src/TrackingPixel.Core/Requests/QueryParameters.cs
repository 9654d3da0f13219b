using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel;

/// <summary>
/// The decoded parameters of a query string, repeated keys kept in request order; names are case-sensitive.
/// </summary>
/// <remarks>
/// Built over a raw query string, values are decoded only when asked for. Decoding never fails: a malformed
/// escape such as <c>%ZZ</c> is kept literally and invalid UTF-8 becomes U+FFFD.
/// </remarks>
public sealed class QueryParameters : IEnumerable<KeyValuePair<string, string>>
{
    private readonly string _raw;
    private readonly KeyValuePair<string, string>[]? _pairs;

    private QueryParameters(string raw, KeyValuePair<string, string>[]? pairs)
    {
        _raw = raw;
        _pairs = pairs;
    }

    /// <summary>Gets a query with no parameters.</summary>
    public static QueryParameters Empty { get; } = new(string.Empty, null);

    /// <summary>Creates the parameters of a raw, percent-encoded query string.</summary>
    /// <param name="rawQuery">
    /// The query string, with or without its leading <c>?</c>; <see langword="null"/> means none.
    /// </param>
    /// <returns>Parameters decoded lazily from <paramref name="rawQuery"/>.</returns>
    public static QueryParameters Parse(string? rawQuery)
    {
        if (string.IsNullOrEmpty(rawQuery) || rawQuery == "?")
        {
            return Empty;
        }

        return new QueryParameters(rawQuery[0] == '?' ? rawQuery[1..] : rawQuery, null);
    }

    /// <summary>
    /// Creates parameters from pairs a platform already decoded, such as REST API multi-value parameters.
    /// </summary>
    /// <param name="pairs">Decoded names and values, in request order.</param>
    /// <returns>Parameters holding a copy of <paramref name="pairs"/>.</returns>
    public static QueryParameters FromPairs(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new QueryParameters(string.Empty, [.. pairs]);
    }

    /// <summary>Gets the first value of the parameter named <paramref name="name"/>.</summary>
    /// <param name="name">The parameter name, compared ordinally.</param>
    /// <param name="value">The decoded value; empty for <c>?name</c> or <c>?name=</c>.</param>
    /// <returns><see langword="true"/> when the parameter is present.</returns>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value) => TryGetValue(name, out value, out _);

    /// <summary>Gets every value of the parameter named <paramref name="name"/>, in request order.</summary>
    /// <param name="name">The parameter name, compared ordinally.</param>
    /// <returns>The decoded values; empty when the parameter is absent.</returns>
    public IReadOnlyList<string> GetValues(string name)
    {
        List<string>? values = null;
        foreach (var pair in this)
        {
            if (pair.Key == name)
            {
                (values ??= []).Add(pair.Value);
            }
        }

        return values ?? (IReadOnlyList<string>)[];
    }

    /// <summary>
    /// Enumerates every parameter, decoded, in request order; empty segments such as <c>&amp;&amp;</c> are skipped.
    /// </summary>
    /// <returns>An enumerator of names and values.</returns>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        if (_pairs is not null)
        {
            foreach (var pair in _pairs)
            {
                yield return pair;
            }

            yield break;
        }

        var position = 0;
        while (QueryStringCodec.NextSegment(_raw, ref position, out var key, out var value))
        {
            yield return new(QueryStringCodec.Decode(_raw.AsSpan(key.Start, key.Length), out _),
                             QueryStringCodec.Decode(_raw.AsSpan(value.Start, value.Length), out _));
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Finds the first value and says whether its encoding was malformed, so callers can count it.</summary>
    internal bool TryGetValue(string name, [NotNullWhen(true)] out string? value, out bool malformed)
    {
        ArgumentNullException.ThrowIfNull(name);
        malformed = false;
        if (_pairs is not null)
        {
            foreach (var pair in _pairs)
            {
                if (pair.Key == name)
                {
                    value = pair.Value;
                    return true;
                }
            }

            value = null;
            return false;
        }

        var position = 0;
        while (QueryStringCodec.NextSegment(_raw, ref position, out var key, out var raw))
        {
            if (QueryStringCodec.KeyEquals(_raw.AsSpan(key.Start, key.Length), name))
            {
                value = QueryStringCodec.Decode(_raw.AsSpan(raw.Start, raw.Length), out malformed);
                return true;
            }
        }

        value = null;
        return false;
    }
}
