using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Reads every string in an event without failing on what a well-formed but hostile event can hold: escaped lone
/// surrogates are kept (the record writer replaces them), numbers and booleans become their JSON text, and objects or
/// arrays where a string belongs read as absent.
/// </summary>
/// <remarks>
/// System.Text.Json refuses to materialise <c>"\ud800"</c>; failing the invocation for one odd header would turn a
/// pixel view into a 502, so the value is decoded here instead.
/// </remarks>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadString(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    /// <summary>Reads the current value as text; <see langword="null"/> for JSON null, objects and arrays (which are skipped).</summary>
    internal static string? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return ReadString(ref reader);
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return Encoding.UTF8.GetString(RawValue(ref reader));
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    /// <summary>Reads the current string or property name, whatever its escapes.</summary>
    internal static string ReadString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            // The reader has validated unescaped text as UTF-8, so this cannot fail.
            return reader.GetString()!;
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Unescape(RawValue(ref reader));
        }
    }

    private static ReadOnlySpan<byte> RawValue(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;

    /// <summary>Unescapes JSON string content, keeping <c>\uXXXX</c> surrogates as they are, paired or not.</summary>
    private static string Unescape(ReadOnlySpan<byte> escaped)
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
                    && ushort.TryParse(escaped.Slice(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var unit):
                    text.Append((char)unit);
                    consumed = 6;
                    break;
                default: text.Append((char)code); break;
            }

            escaped = escaped[(backslash + consumed)..];
        }

        return text.ToString();
    }
}
