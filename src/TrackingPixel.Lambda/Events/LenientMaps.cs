using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Reads an event's string maps (<c>queryStringParameters</c> and its multi-value form) from their
/// <see cref="JsonSlice"/> with <see cref="LenientStringConverter"/>'s rules, names included: an escaped lone
/// surrogate in a name must not fail the whole event, as it would if System.Text.Json read the keys itself.
/// </summary>
internal static class LenientMaps
{
    /// <summary>A map of strings; a repeated name keeps its last value, a JSON null value is kept as null.</summary>
    public static Dictionary<string, string?>? ReadStringMap(ReadOnlyMemory<byte> payload, JsonSlice slice)
    {
        if (!slice.IsObjectIn(payload))
        {
            return null;
        }

        var reader = new Utf8JsonReader(slice.In(payload));
        reader.Read();
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = LenientStringConverter.ReadString(ref reader);
            reader.Read();
            map[name] = LenientStringConverter.ReadValue(ref reader);
        }

        return map;
    }

    /// <summary>A map of string lists; a value that is not an array reads as a list of that one value.</summary>
    public static Dictionary<string, List<string?>?>? ReadMultiMap(ReadOnlyMemory<byte> payload, JsonSlice slice)
    {
        if (!slice.IsObjectIn(payload))
        {
            return null;
        }

        var reader = new Utf8JsonReader(slice.In(payload));
        reader.Read();
        var map = new Dictionary<string, List<string?>?>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = LenientStringConverter.ReadString(ref reader);
            reader.Read();
            map[name] = ReadValues(ref reader);
        }

        return map;
    }

    /// <summary>An array's values (a lone value reads as a list of it); null when the slice is absent or not a list.</summary>
    public static List<string?>? ReadList(ReadOnlyMemory<byte> payload, JsonSlice slice)
    {
        if (!slice.IsPresent)
        {
            return null;
        }

        var reader = new Utf8JsonReader(slice.In(payload));
        reader.Read();
        return ReadValues(ref reader);
    }

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
