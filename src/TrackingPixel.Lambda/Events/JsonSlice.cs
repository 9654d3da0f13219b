namespace TrackingPixel.Lambda.Events;

/// <summary>Where one JSON object or array sits in the invocation payload, kept instead of its deserialised contents.</summary>
/// <remarks>
/// An event's header and parameter maps are most of its bytes, yet a pixel reads only a few of their entries. Keeping
/// their position lets the request view read an entry when an extractor asks for it, instead of turning every name
/// and value into a string and a dictionary entry on every invocation.
/// </remarks>
/// <param name="Start">The offset of the opening bracket in the payload.</param>
/// <param name="Length">The length through the closing bracket; 0 when the member was absent, null or not a container.</param>
internal readonly record struct JsonSlice(int Start, int Length)
{
    /// <summary>Gets whether the member was present as an object or array.</summary>
    public bool IsPresent => Length > 0;

    /// <summary>Whether the slice holds a JSON object (a map), not an array.</summary>
    public bool IsObjectIn(ReadOnlyMemory<byte> payload) => IsPresent && payload.Span[Start] == (byte)'{';

    /// <summary>The slice's bytes in <paramref name="payload"/>, the payload it was read from.</summary>
    public ReadOnlySpan<byte> In(ReadOnlyMemory<byte> payload) => payload.Span.Slice(Start, Length);
}
