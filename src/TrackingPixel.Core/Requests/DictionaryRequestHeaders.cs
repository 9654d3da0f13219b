using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Requests;

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

        foreach (var pair in headers)
        {
            if (pair.Value is not null && string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = pair.Value;
                return true;
            }
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
