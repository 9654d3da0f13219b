using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Tests.Privacy.Support;

/// <summary>
/// Headers over a case-insensitive dictionary, as ASP.NET Core's are: a lookup never allocates, so allocation tests
/// measure only the extractor.
/// </summary>
public sealed class CaseInsensitiveHeaders(Dictionary<string, string> headers) : RequestHeaders
{
    private readonly Dictionary<string, string> _headers = new(headers, StringComparer.OrdinalIgnoreCase);

    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value) =>
        _headers.TryGetValue(name, out value);

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _headers.GetEnumerator();
}
