using System.Text;

namespace TrackingPixel.Lambda.Events;

/// <summary>How a scalar read from the payload is turned into text.</summary>
internal enum ScalarKind : byte
{
    /// <summary>JSON null, a missing member, or an object or array where a scalar belongs.</summary>
    Absent,

    /// <summary>A string without escapes: its bytes are the text.</summary>
    Text,

    /// <summary>A string with escapes, unescaped when read.</summary>
    EscapedText,

    /// <summary>A number or boolean, read as its JSON text.</summary>
    Literal,
}

/// <summary>
/// Where one scalar value sits in the payload: positions instead of a string, so unread values cost nothing.
/// </summary>
/// <param name="Start">The offset of the value's first byte (inside the quotes for strings).</param>
/// <param name="Length">The byte length of the value (without quotes).</param>
/// <param name="Kind">How the bytes read as text.</param>
internal readonly record struct JsonScalar(int Start, int Length, ScalarKind Kind)
{
    /// <summary>A missing value.</summary>
    public static JsonScalar Absent => default;

    /// <summary>
    /// Whether the value was a JSON string, as the documented event shapes require of their key members.
    /// </summary>
    public bool IsString => Kind is ScalarKind.Text or ScalarKind.EscapedText;

    /// <summary>The value's bytes in <paramref name="payload"/>, escapes included.</summary>
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> payload) => payload.Slice(Start, Length);

    /// <summary>The value as text; <see langword="null"/> when absent.</summary>
    public string? ToText(ReadOnlySpan<byte> payload) => Kind switch
    {
        // Unescaped string bytes were validated as UTF-8 by the reader, so this cannot fail or replace.
        ScalarKind.Text or ScalarKind.Literal => Encoding.UTF8.GetString(In(payload)),
        ScalarKind.EscapedText => LenientJson.Unescape(In(payload)),
        _ => null,
    };

    /// <summary>Whether the value is exactly the ASCII <paramref name="text"/>.</summary>
    public bool TextEquals(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> text) => Kind switch
    {
        ScalarKind.Text => In(payload).SequenceEqual(text),
        ScalarKind.EscapedText => Ascii.Equals(text, LenientJson.Unescape(In(payload))),
        _ => false,
    };
}
