using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace TrackingPixel.Publishing;

/// <summary>
/// The log-line format of an undelivered record, and the parser a replay uses to get the record back.
/// </summary>
/// <remarks>
/// A line is a JSON object with <c>timestamp</c>, <c>level</c> (<c>ERROR</c>), <c>message</c> and <c>reason</c>, so
/// Lambda's JSON log format and CloudWatch Logs Insights read it, and the record itself, unchanged, under
/// <see cref="RecordProperty"/>. Find such lines with the filter <c>{ $.trackingPixelUndelivered = * }</c>.
/// </remarks>
public static class UndeliveredRecordLine
{
    /// <summary>The property holding the undelivered record.</summary>
    public const string RecordProperty = "trackingPixelUndelivered";

    /// <summary>Writes the log line for one undelivered record, newline included.</summary>
    /// <param name="record">The record, a JSON object optionally followed by a newline.</param>
    /// <param name="reason">Why it was not delivered.</param>
    /// <param name="timestamp">When it was given up on.</param>
    /// <param name="destination">Where the line goes.</param>
    public static void Write(
        ReadOnlySpan<byte> record, string reason, DateTimeOffset timestamp, IBufferWriter<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using (var json = new Utf8JsonWriter(destination))
        {
            json.WriteStartObject();
            json.WriteString(
                "timestamp",
                timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", "ERROR");
            json.WriteString("message", "TrackingPixel record not delivered; replay it from " + RecordProperty);
            json.WriteString("reason", reason);
            json.WritePropertyName(RecordProperty);
            json.WriteRawValue(record.TrimEnd((byte)'\n'), skipInputValidation: false);
            json.WriteEndObject();
        }

        destination.Write("\n"u8);
    }

    /// <summary>Gets the record back out of one log line, newline-terminated, ready to publish again.</summary>
    /// <param name="line">
    /// A line written by <see cref="Write"/>, possibly prefixed by log metadata up to its first <c>{</c>.
    /// </param>
    /// <param name="record">The record's bytes, newline included.</param>
    /// <returns><see langword="true"/> when the line held an undelivered record.</returns>
    public static bool TryRead(ReadOnlySpan<byte> line, out byte[] record)
    {
        record = [];
        var start = line.IndexOf((byte)'{');
        if (start < 0)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(line[start..]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRecord = reader.ValueTextEquals(RecordProperty);
                reader.Read();
                if (isRecord && reader.TokenType == JsonTokenType.StartObject)
                {
                    var begin = (int)reader.TokenStartIndex;
                    reader.Skip();
                    var body = line[start..][begin..(int)reader.BytesConsumed];
                    record = [.. body, (byte)'\n'];
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
