using System.Buffers;
using System.Text;
using System.Text.Json;

namespace TrackingPixel;

/// <summary>
/// The shape of the records the configured extractors produce, as a JSON Schema; sinks derive their own table
/// definitions from it.
/// </summary>
/// <remarks>
/// Fields come in record order, each named once; <see cref="FieldNames.Truncated"/> is always listed last because any
/// record may carry it. An extractor that does not describe its fields (<see cref="IFieldExtractor.DescribeFields"/>)
/// contributes nothing, so a custom extractor should describe its own.
/// </remarks>
public sealed class RecordSchema
{
    internal RecordSchema(IEnumerable<FieldDescriptor> described)
    {
        var fields = new List<FieldDescriptor>();
        foreach (var field in described)
        {
            if (field.Name != FieldNames.Truncated && !fields.Exists(f => f.Name == field.Name))
            {
                fields.Add(field);
            }
        }

        fields.Add(new FieldDescriptor(
            FieldNames.Truncated,
            FieldType.TextList,
            "Names of the fields whose values were cut to fit the size limits; present only when one was."));
        Fields = fields;
    }

    /// <summary>Gets the record's fields, in record order.</summary>
    public IReadOnlyList<FieldDescriptor> Fields { get; }

    /// <summary>Writes a JSON Schema (draft 2020-12) of one record.</summary>
    /// <returns>The schema, indented.</returns>
    public string ToJsonSchema()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            json.WriteString("title", "TrackingPixel record");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            foreach (var field in Fields)
            {
                json.WriteStartObject(field.Name);
                WriteJsonType(json, field.Type);
                json.WriteString("description", field.Description);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteJsonType(Utf8JsonWriter json, FieldType type)
    {
        switch (type)
        {
            case FieldType.Timestamp:
                json.WriteString("type", "string");
                json.WriteString("format", "date-time");
                break;
            case FieldType.TextList:
                json.WriteString("type", "array");
                json.WriteStartObject("items");
                json.WriteString("type", "string");
                json.WriteEndObject();
                break;
            default:
                // Absent sources are written as the missing value or JSON null, so every scalar may be null.
                json.WriteStartArray("type");
                json.WriteStringValue(type switch
                {
                    FieldType.WholeNumber => "integer",
                    FieldType.Number => "number",
                    FieldType.Boolean => "boolean",
                    _ => "string",
                });
                json.WriteStringValue("null");
                json.WriteEndArray();
                break;
        }
    }
}
