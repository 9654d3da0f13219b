using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// The headers of a 2.0 event, read from the payload when asked for, with the <c>cookies</c> array seen as a
/// <c>Cookie</c> header: API Gateway moves every cookie out of the headers into that array.
/// </summary>
internal sealed class HttpApiV2Headers(ReadOnlyMemory<byte> payload, JsonSlice headers, JsonSlice cookies) : RequestHeaders
{
    private JsonHeaderIndex? _index;
    private string? _cookie;

    private JsonHeaderIndex Index => _index ??= JsonHeaderIndex.Build(payload, headers, multiValue: false);

    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (Index.TryGetValue(name, out value))
        {
            return true;
        }

        if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase) && Cookie() is { } cookie)
        {
            value = cookie;
            return true;
        }

        return false;
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        var all = Index.ToDictionary();
        foreach (var header in all)
        {
            yield return header;
        }

        if (!all.Keys.Any(name => string.Equals(name, "cookie", StringComparison.OrdinalIgnoreCase)) && Cookie() is { } cookie)
        {
            yield return new("cookie", cookie);
        }
    }

    private string? Cookie()
    {
        if (_cookie is null && cookies.IsPresent)
        {
            // Browsers send all cookies in one header separated by "; " (RFC 6265 section 5.4).
            _cookie = string.Join("; ", (LenientMaps.ReadList(payload, cookies) ?? []).Where(c => !string.IsNullOrEmpty(c)));
        }

        return string.IsNullOrEmpty(_cookie) ? null : _cookie;
    }
}
