using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel;

internal sealed class DictionaryRequestHeaders(IReadOnlyDictionary<string, string> headers) : RequestHeaders
{
    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        // An exact hit is the common case (API Gateway 2.0 lower-cases names); the scan covers any other casing
        // without copying the platform's dictionary into a case-insensitive one.
        if (headers.TryGetValue(name, out value) && value is not null)
        {
            return true;
        }

        // A concrete Dictionary is scanned with its struct enumerator: a miss (optional headers are often absent)
        // then allocates nothing, where the interface's enumerator would be boxed on every lookup.
        return headers is Dictionary<string, string> dictionary
            ? Scan(dictionary.GetEnumerator(), name, out value)
            : Scan(headers.GetEnumerator(), name, out value);
    }

    // Generic over the enumerator, so the JIT compiles a copy for Dictionary's struct enumerator that never boxes it.
    private static bool Scan<TEnumerator>(TEnumerator pairs, string name, [NotNullWhen(true)] out string? value)
        where TEnumerator : IEnumerator<KeyValuePair<string, string>>
    {
        try
        {
            while (pairs.MoveNext())
            {
                var pair = pairs.Current;
                if (pair.Value is not null && string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = pair.Value;
                    return true;
                }
            }
        }
        finally
        {
            pairs.Dispose();
        }

        value = null;
        return false;
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var pair in headers)
        {
            // Deserialised events can carry JSON nulls; a null header is an absent one.
            if (pair.Value is not null)
            {
                yield return pair;
            }
        }
    }
}
