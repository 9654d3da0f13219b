using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TrackingPixel.Extraction;

namespace TrackingPixel.Schema;

/// <summary>
/// The shape of the records the configured extractors produce, as a JSON Schema or an Amazon Athena table.
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

        fields.Add(new FieldDescriptor(FieldNames.Truncated, FieldType.TextList, "Names of the fields whose values were cut to fit the size limits; present only when one was."));
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

    /// <summary>Writes an Athena <c>CREATE EXTERNAL TABLE</c> over the records, partitioned by the hourly S3 prefixes.</summary>
    /// <param name="options">The table's name and location.</param>
    /// <returns>The DDL statement.</returns>
    /// <remarks>
    /// Uses the OpenX JSON SerDe, which matches column names to JSON keys case-insensitively, and partition projection
    /// over <c>year=/month=/day=/hour=</c> prefixes, so new hours need no <c>MSCK REPAIR</c>. Timestamps are kept as
    /// ISO 8601 strings: query them with <c>from_iso8601_timestamp(...)</c>. Quotes are dropped from column comments, as Hive and Athena escape them differently.
    /// </remarks>
    public string ToAthenaTable(AthenaTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var location = options.Location.EndsWith('/') ? options.Location : options.Location + "/";
        var ddl = new StringBuilder();
        ddl.Append(CultureInfo.InvariantCulture, $"CREATE EXTERNAL TABLE IF NOT EXISTS `{options.TableName}` (\n");
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            ddl.Append(CultureInfo.InvariantCulture, $"  `{field.Name.ToLowerInvariant()}` {AthenaType(field.Type)} COMMENT '{field.Description.Replace("'", string.Empty, StringComparison.Ordinal)}'{(i < Fields.Count - 1 ? "," : string.Empty)}\n");
        }

        ddl.Append(")\n");
        ddl.Append("PARTITIONED BY (`year` int, `month` int, `day` int, `hour` int)\n");
        ddl.Append("ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'\n");
        ddl.Append(CultureInfo.InvariantCulture, $"LOCATION '{location}'\n");
        ddl.Append("TBLPROPERTIES (\n");
        ddl.Append("  'projection.enabled' = 'true',\n");
        ddl.Append(CultureInfo.InvariantCulture, $"  'projection.year.type' = 'integer', 'projection.year.range' = '{options.FirstYear},2099',\n");
        ddl.Append("  'projection.month.type' = 'integer', 'projection.month.range' = '1,12', 'projection.month.digits' = '2',\n");
        ddl.Append("  'projection.day.type' = 'integer', 'projection.day.range' = '1,31', 'projection.day.digits' = '2',\n");
        ddl.Append("  'projection.hour.type' = 'integer', 'projection.hour.range' = '0,23', 'projection.hour.digits' = '2',\n");
        ddl.Append(CultureInfo.InvariantCulture, $"  'storage.location.template' = '{location}year=${{year}}/month=${{month}}/day=${{day}}/hour=${{hour}}/'\n");
        ddl.Append(");\n");
        return ddl.ToString();
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

    private static string AthenaType(FieldType type) => type switch
    {
        FieldType.WholeNumber => "bigint",
        FieldType.Number => "double",
        FieldType.Boolean => "boolean",
        FieldType.TextList => "array<string>",
        _ => "string",
    };
}
