using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace TrackingPixel.AspNetCore;

/// <summary>Reads ASP.NET Core's own header collection in place: nothing is copied per request.</summary>
/// <remarks><see cref="IHeaderDictionary"/> already compares names case-insensitively.</remarks>
internal sealed class HeaderDictionaryRequestHeaders(IHeaderDictionary headers) : RequestHeaders
{
    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (headers.TryGetValue(name, out var values) && values.Count > 0)
        {
            value = Join(values);
            return true;
        }

        value = null;
        return false;
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var header in headers)
        {
            if (header.Value.Count > 0)
            {
                yield return new(header.Key, Join(header.Value));
            }
        }
    }

    // StringValues.ToString() joins with "," alone; RequestHeaders promises ", " as HTTP list syntax writes it.
    private static string Join(StringValues values) =>
        values.Count == 1 ? values[0] ?? string.Empty : string.Join(", ", values.ToArray());
}
