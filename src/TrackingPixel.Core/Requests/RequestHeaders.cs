using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel;

/// <summary>
/// Case-insensitive, read-only access to a request's headers, over whatever collection the front end already has.
/// </summary>
/// <remarks>
/// Front ends subclass this to wrap their own header type without copying it. A header sent more than once is
/// seen as one value joined with <c>", "</c>, as HTTP allows for list-valued headers.
/// </remarks>
public abstract class RequestHeaders : IEnumerable<KeyValuePair<string, string>>
{
    /// <summary>Gets a header collection with no headers.</summary>
    public static RequestHeaders Empty { get; } = new DictionaryRequestHeaders(new Dictionary<string, string>());

    /// <summary>Wraps a dictionary of header values, matching names case-insensitively whatever its comparer.</summary>
    /// <param name="headers">Header names and their (comma-joined) values; not copied.</param>
    /// <returns>A view over <paramref name="headers"/>.</returns>
    public static RequestHeaders FromDictionary(IReadOnlyDictionary<string, string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return new DictionaryRequestHeaders(headers);
    }

    /// <summary>Gets the value of the header named <paramref name="name"/>, compared case-insensitively.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value, repeated headers joined with <c>", "</c>.</param>
    /// <returns><see langword="true"/> when the request carries the header.</returns>
    public abstract bool TryGetValue(string name, [NotNullWhen(true)] out string? value);

    /// <summary>Enumerates every header as sent, one entry per name.</summary>
    /// <returns>An enumerator of header names and values.</returns>
    public abstract IEnumerator<KeyValuePair<string, string>> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
