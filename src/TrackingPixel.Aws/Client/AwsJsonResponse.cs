using System.Text.Json;

namespace TrackingPixel.Aws;

/// <summary>Reads AWS JSON 1.1 answers: which entries of a batch call failed, and the error of a failed call.</summary>
internal static class AwsJsonResponse
{
    /// <summary>
    /// Reads a batch answer (Firehose PutRecordBatch, Kinesis PutRecords): for each entry sent, its error code, or
    /// <see langword="null"/> when it was accepted.
    /// </summary>
    /// <param name="body">The answer.</param>
    /// <param name="sent">How many entries the request held.</param>
    /// <param name="failedCountName">The member counting failed entries (<c>FailedPutCount</c>).</param>
    /// <param name="entriesName">The array of per-entry results (<c>RequestResponses</c>).</param>
    /// <param name="acceptedName">The member an accepted entry has (<c>RecordId</c>).</param>
    /// <returns>The per-entry error codes, or <see langword="null"/> when the answer cannot be read (treat as an
    /// unknown outcome).</returns>
    public static string?[]? ReadEntryErrors(
        ReadOnlySpan<byte> body,
        int sent,
        ReadOnlySpan<byte> failedCountName,
        ReadOnlySpan<byte> entriesName,
        ReadOnlySpan<byte> acceptedName)
    {
        var errors = new string?[sent];
        var seen = 0;
        var failedCount = -1;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(failedCountName))
                {
                    reader.Read();
                    failedCount = reader.GetInt32();
                }
                else if (reader.ValueTextEquals(entriesName))
                {
                    reader.Read();
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        var code = ReadEntryError(ref reader, acceptedName);
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

        // An answer that does not account for every entry is not trusted: nothing in it proves what was stored.
        var failed = errors.Count(e => e is not null);
        return seen == sent && (failedCount < 0 || failedCount == failed) ? errors : null;
    }

    /// <summary>Reads the error code of a failed call from <c>__type</c> or <c>X-Amzn-ErrorType</c>, as botocore
    /// does.</summary>
    public static (string Code, string Message) ReadError(ReadOnlySpan<byte> body, string? errorTypeHeader)
    {
        string? code = null, message = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var isType = reader.ValueTextEquals("__type"u8) || reader.ValueTextEquals("code"u8);
                    var isMessage = reader.ValueTextEquals("message"u8) || reader.ValueTextEquals("Message"u8);
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && (isType || isMessage))
                    {
                        if (isType)
                        {
                            code = reader.GetString();
                        }
                        else
                        {
                            message = reader.GetString();
                        }
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, say): the status code alone decides.
        }

        return (Sanitize(errorTypeHeader ?? code ?? ""), message ?? "");
    }

    // "aws.protocoltests#FooError:http://..." -> "FooError".
    private static string Sanitize(string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    private static string? ReadEntryError(ref Utf8JsonReader reader, ReadOnlySpan<byte> acceptedName)
    {
        string? code = null;
        var accepted = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ErrorCode"u8))
            {
                reader.Read();
                code = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }
            else
            {
                accepted |= reader.ValueTextEquals(acceptedName);
                reader.Read();
                reader.Skip();
            }
        }

        return code is { Length: > 0 } ? Plain(code) : accepted ? null : "MissingRecordId";
    }

    // An entry code is an identifier; anything else (an echo, a page) is not quoted.
    private static string Plain(string code) =>
        code.Length <= 64 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '#')
            ? code
            : "UnreadableErrorCode";
}
