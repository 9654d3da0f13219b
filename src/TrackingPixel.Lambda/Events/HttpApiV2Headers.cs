using System.Diagnostics.CodeAnalysis;
using TrackingPixel.Requests;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// The headers of a 2.0 event, over the deserialised dictionary, with the <c>cookies</c> array seen as a <c>Cookie</c>
/// header: API Gateway moves every cookie out of the headers into that array.
/// </summary>
internal sealed class HttpApiV2Headers(Dictionary<string, string>? headers, List<string?>? cookies) : RequestHeaders
{
    private readonly RequestHeaders _headers = headers is null ? Empty : FromDictionary(headers);
    private string? _cookie;

    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        if (_headers.TryGetValue(name, out value))
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
        foreach (var header in _headers)
        {
            yield return header;
        }

        if (!_headers.TryGetValue("cookie", out _) && Cookie() is { } cookie)
        {
            yield return new("cookie", cookie);
        }
    }

    private string? Cookie()
    {
        if (_cookie is null && cookies is { Count: > 0 })
        {
            // Browsers send all cookies in one header separated by "; " (RFC 6265 section 5.4).
            _cookie = string.Join("; ", cookies.Where(c => !string.IsNullOrEmpty(c)));
        }

        return string.IsNullOrEmpty(_cookie) ? null : _cookie;
    }
}
