using System.Globalization;
using System.Text;

namespace TrackingPixel.Firehose.Athena;

/// <summary>
/// Derives an Amazon Athena table over the records Firehose writes to S3 from the neutral record schema.
/// </summary>
public static class RecordSchemaAthenaExtensions
{
    /// <summary>
    /// Writes an Athena <c>CREATE EXTERNAL TABLE</c> over the records, partitioned by the hourly S3 prefixes.
    /// </summary>
    /// <param name="schema">The record schema, from <see cref="PixelPipeline.DescribeRecord"/>.</param>
    /// <param name="options">The table's name and location.</param>
    /// <returns>The DDL statement.</returns>
    /// <remarks>
    /// Uses the OpenX JSON SerDe, which matches column names to JSON keys case-insensitively, and partition projection
    /// over <c>year=/month=/day=/hour=</c> prefixes, so new hours need no <c>MSCK REPAIR</c>. Timestamps are kept as
    /// ISO 8601 strings: query them with <c>from_iso8601_timestamp(...)</c>. Quotes are dropped from column comments,
    /// as Hive and Athena escape them differently.
    /// </remarks>
    public static string ToAthenaTable(this RecordSchema schema, AthenaTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        var fields = schema.Fields;
        var location = options.Location.EndsWith('/') ? options.Location : options.Location + "/";
        var ddl = new StringBuilder();
        ddl.Append(CultureInfo.InvariantCulture, $"CREATE EXTERNAL TABLE IF NOT EXISTS `{options.TableName}` (\n");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var comment = field.Description.Replace("'", string.Empty, StringComparison.Ordinal);
            var separator = i < fields.Count - 1 ? "," : string.Empty;
            ddl.Append(
                CultureInfo.InvariantCulture,
                $"  `{field.Name.ToLowerInvariant()}` {AthenaType(field.Type)} COMMENT '{comment}'{separator}\n");
        }

        ddl.Append(")\n");
        ddl.Append("PARTITIONED BY (`year` int, `month` int, `day` int, `hour` int)\n");
        ddl.Append("ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'\n");
        ddl.Append(CultureInfo.InvariantCulture, $"LOCATION '{location}'\n");
        ddl.Append("TBLPROPERTIES (\n");
        ddl.Append("  'projection.enabled' = 'true',\n");
        ddl.Append(
            CultureInfo.InvariantCulture,
            $"  'projection.year.type' = 'integer', 'projection.year.range' = '{options.FirstYear},2099',\n");
        ddl.Append(
            "  'projection.month.type' = 'integer', 'projection.month.range' = '1,12', 'projection.month.digits' = " +
                "'2',\n");
        ddl.Append(
            "  'projection.day.type' = 'integer', 'projection.day.range' = '1,31', 'projection.day.digits' = '2',\n");
        ddl.Append(
            "  'projection.hour.type' = 'integer', 'projection.hour.range' = '0,23', 'projection.hour.digits' = " +
                "'2',\n");
        ddl.Append("  'storage.location.template' = '");
        ddl.Append(location);
        ddl.Append("year=${year}/month=${month}/day=${day}/hour=${hour}/'\n");
        ddl.Append(");\n");
        return ddl.ToString();
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
