using System.Diagnostics.CodeAnalysis;
using TrackingPixel.Requests;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// The headers of a 1.0 event: <c>multiValueHeaders</c> when present, since <c>headers</c> keeps only the last value
/// of a repeated header, joined with <c>", "</c>; <c>headers</c> otherwise.
/// </summary>
internal sealed class RestApiV1Headers(Dictionary<string, string>? headers, Dictionary<string, List<string?>?>? multiValueHeaders)
    : RequestHeaders
{
    private readonly RequestHeaders _single = headers is null ? Empty : FromDictionary(headers);

    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (multiValueHeaders is not null && Find(multiValueHeaders, name) is { } values && Join(values) is { } joined)
        {
            value = joined;
            return true;
        }

        return _single.TryGetValue(name, out value);
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        if (multiValueHeaders is not null)
        {
            foreach (var (name, values) in multiValueHeaders)
            {
                if (values is not null && Join(values) is { } joined)
                {
                    yield return new(name, joined);
                }
            }
        }

        foreach (var header in _single)
        {
            if (multiValueHeaders is null || Find(multiValueHeaders, header.Key) is null)
            {
                yield return header;
            }
        }
    }

    private static List<string?>? Find(Dictionary<string, List<string?>?> map, string name)
    {
        if (map.TryGetValue(name, out var exact) && exact is not null)
        {
            return exact;
        }

        foreach (var (key, values) in map)
        {
            if (values is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values;
            }
        }

        return null;
    }

    private static string? Join(List<string?> values)
    {
        var present = 0;
        string? only = null;
        foreach (var value in values)
        {
            if (value is not null)
            {
                present++;
                only = value;
            }
        }

        return present switch
        {
            0 => null,
            1 => only,
            _ => string.Join(", ", values.Where(v => v is not null)),
        };
    }
}
