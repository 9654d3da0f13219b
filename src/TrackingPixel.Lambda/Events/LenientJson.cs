using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Reads every string in an event without failing on what a well-formed but hostile event can hold: escaped lone
/// surrogates are kept (the record writer replaces them), numbers and booleans become their JSON text, and objects or
/// arrays where a string belongs read as absent.
/// </summary>
/// <remarks>
/// System.Text.Json refuses to materialise <c>"\ud800"</c>; failing the invocation for one odd header would turn a
/// pixel view into a 502, so such text is decoded here instead.
/// </remarks>
internal static class LenientJson
{
    /// <summary>
    /// Reads the current value as text; <see langword="null"/> for JSON null, objects and arrays (which are skipped).
    /// </summary>
    public static string? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads the current string or property name, whatever its escapes.</summary>
    /// <remarks>Events are read from one contiguous span, so a value is never split over a sequence.</remarks>
    public static string ReadString(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Unescape(reader.ValueSpan) : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>
    /// Unescapes JSON string content (without its quotes), keeping <c>\uXXXX</c> surrogates as they are, paired or not.
    /// </summary>
    /// <remarks>
    /// The reader has validated the content, so every escape is well formed and the rest is valid UTF-8.
    /// </remarks>
    public static string Unescape(ReadOnlySpan<byte> escaped)
    {
        var text = new StringBuilder(escaped.Length);
        while (!escaped.IsEmpty)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            if (backslash < 0 || backslash == escaped.Length - 1)
            {
                text.Append(Encoding.UTF8.GetString(escaped));
                break;
            }

            text.Append(Encoding.UTF8.GetString(escaped[..backslash]));
            var code = escaped[backslash + 1];
            var consumed = 2;
            switch (code)
            {
                case (byte)'b': text.Append('\b'); break;
                case (byte)'f': text.Append('\f'); break;
                case (byte)'n': text.Append('\n'); break;
                case (byte)'r': text.Append('\r'); break;
                case (byte)'t': text.Append('\t'); break;
                case (byte)'u' when escaped.Length >= backslash + 6
                    && ushort.TryParse(
                        escaped.Slice(backslash + 2, 4),
                        NumberStyles.AllowHexSpecifier,
                        CultureInfo.InvariantCulture,
                        out var unit):
                    text.Append((char)unit);
                    consumed = 6;
                    break;
                default: text.Append((char)code); break;
            }

            escaped = escaped[(backslash + consumed)..];
        }

        return text.ToString();
    }

    /// <summary>Whether the current property name or string is the ASCII <paramref name="name"/>.</summary>
    /// <remarks>
    /// Not <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>: it throws on an escaped lone surrogate.
    /// </remarks>
    public static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.ValueIsEscaped ? Ascii.Equals(name, Unescape(reader.ValueSpan)) : reader.ValueSpan.SequenceEqual(name);
}
