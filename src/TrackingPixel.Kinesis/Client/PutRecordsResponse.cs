using System.Text.Json;

namespace TrackingPixel.Kinesis.Client;

/// <summary>Reads a PutRecords answer: per entry sent, its <c>ErrorCode</c>, or <see langword="null"/> when it
/// got a sequence number.</summary>
internal static class PutRecordsResponse
{
    /// <returns>The per-entry error codes, or <see langword="null"/> when the answer cannot be read (an unknown
    /// outcome, so every entry is sent again).</returns>
    public static string?[]? Read(ReadOnlySpan<byte> body, int sent)
    {
        var errors = new string?[sent];
        var seen = 0;
        var failedRecordCount = -1;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("FailedRecordCount"u8))
                {
                    reader.Read();
                    failedRecordCount = reader.GetInt32();
                }
                else if (reader.ValueTextEquals("Records"u8))
                {
                    reader.Read();
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var code = ReadEntryError(ref reader);
                        if (seen < sent)
                        {
                            errors[seen] = code;
                        }

                        seen++;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }

        // An answer that does not account for every entry proves nothing about what was stored.
        var failed = errors.Count(e => e is not null);
        return seen == sent && (failedRecordCount < 0 || failedRecordCount == failed) ? errors : null;
    }

    private static string? ReadEntryError(ref Utf8JsonReader reader)
    {
        string? code = null;
        var hasSequenceNumber = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ErrorCode"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                hasSequenceNumber |= reader.ValueTextEquals("SequenceNumber"u8);
                reader.Read();
                reader.Skip();
            }
        }

        return code is { Length: > 0 } ? code : hasSequenceNumber ? null : "MissingSequenceNumber";
    }
}
