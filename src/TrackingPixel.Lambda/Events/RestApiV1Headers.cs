using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// The headers of a 1.0 event, read from the payload when asked for: <c>multiValueHeaders</c> when present, since
/// <c>headers</c> keeps only the last value of a repeated header, joined with <c>", "</c>; <c>headers</c> otherwise.
/// </summary>
internal sealed class RestApiV1Headers(ReadOnlyMemory<byte> payload, JsonSlice headers, JsonSlice multiValueHeaders)
    : RequestHeaders
{
    private JsonHeaderIndex? _single;
    private JsonHeaderIndex? _multi;

    private JsonHeaderIndex Single => _single ??= JsonHeaderIndex.Build(payload, headers, multiValue: false);

    private JsonHeaderIndex Multi => _multi ??= JsonHeaderIndex.Build(payload, multiValueHeaders, multiValue: true);

    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value) =>
        Multi.TryGetValue(name, out value) || Single.TryGetValue(name, out value);

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        var multi = Multi.ToDictionary();
        foreach (var header in multi)
        {
            yield return header;
        }

        foreach (var header in Single.ToDictionary())
        {
            // Only present multi values are in the dictionary, so this is the lookup's own precedence, without reading them again.
            if (!multi.Keys.Any(name => string.Equals(name, header.Key, StringComparison.OrdinalIgnoreCase)))
            {
                yield return header;
            }
        }
    }
}
