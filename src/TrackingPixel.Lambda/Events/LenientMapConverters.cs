using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackingPixel.Lambda.Events;

// System.Text.Json reads string dictionary keys itself, bypassing a string converter, so an escaped lone surrogate in
// a header name would fail the whole event. These read the event's maps with LenientStringConverter's rules, keys
// included; a map that is not a JSON object reads as absent.

/// <summary>Reads <c>headers</c> and <c>queryStringParameters</c> leniently.</summary>
internal sealed class LenientStringMapConverter : JsonConverter<Dictionary<string, string>>
{
    public override Dictionary<string, string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = LenientStringConverter.ReadString(ref reader);
            reader.Read();

            // A JSON null value is kept as null: the header views treat it as absent.
            map[name] = LenientStringConverter.ReadValue(ref reader)!;
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, string> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Events are only read.");
}

/// <summary>Reads <c>multiValueHeaders</c> and <c>multiValueQueryStringParameters</c> leniently; a lone string reads as a one-value list.</summary>
internal sealed class LenientMultiMapConverter : JsonConverter<Dictionary<string, List<string?>?>>
{
    public override Dictionary<string, List<string?>?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var map = new Dictionary<string, List<string?>?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = LenientStringConverter.ReadString(ref reader);
            reader.Read();
            map[name] = ReadValues(ref reader);
        }

        return map;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, List<string?>?> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Events are only read.");

    private static List<string?>? ReadValues(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return LenientStringConverter.ReadValue(ref reader) is { } single ? [single] : null;
        }

        var values = new List<string?>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(LenientStringConverter.ReadValue(ref reader));
        }

        return values;
    }
}
