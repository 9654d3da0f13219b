using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackingPixel.Lambda.Events;

/// <summary>Reads an object or array member as its <see cref="JsonSlice"/> in the payload, skipping its contents.</summary>
/// <remarks>
/// Positions are absolute because events are deserialised from the whole payload in one span, where
/// <see cref="Utf8JsonReader.TokenStartIndex"/> and <see cref="Utf8JsonReader.BytesConsumed"/> count from its start.
/// </remarks>
internal sealed class JsonSliceConverter : JsonConverter<JsonSlice>
{
    public override bool HandleNull => true;

    public override JsonSlice Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            // A map that is not a JSON object (or a list that is not an array) reads as absent, as before.
            reader.Skip();
            return default;
        }

        var start = checked((int)reader.TokenStartIndex);
        reader.Skip();
        return new JsonSlice(start, checked((int)reader.BytesConsumed) - start);
    }

    public override void Write(Utf8JsonWriter writer, JsonSlice value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Events are only read.");
}
