using System.Text.Json;

namespace TrackingPixel;

/// <summary>Reads a JSON body's top-level members with one bounded <see cref="Utf8JsonReader"/> pass.</summary>
internal static class RequestBodyJson
{
    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = RequestBody.MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static bool LooksLikeObject(ReadOnlySpan<byte> content)
    {
        var start = content.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && content[start] == (byte)'{';
    }

    /// <summary>Adds each scalar member to <paramref name="pairs"/>; nested objects and arrays are skipped.</summary>
    /// <returns>The problem met, or <see langword="null"/> when the whole body was read.</returns>
    public static string? ReadMembers(ReadOnlySpan<byte> content, List<KeyValuePair<string, string>> pairs)
    {
        var reader = new Utf8JsonReader(content, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "the JSON body is not an object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        pairs.Add(new(name, reader.GetString()!));
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                        pairs.Add(new(name, System.Text.Encoding.UTF8.GetString(reader.ValueSpan)));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        reader.Skip();
                        break;
                }
            }

            // Anything after the closing brace makes the body invalid JSON; the reader throws on it.
            reader.Read();
            return null;
        }
        catch (JsonException exception)
        {
            return $"invalid JSON after {pairs.Count} member(s): {Reason(exception)}";
        }
        catch (InvalidOperationException exception)
        {
            // GetString throws this for a string holding invalid UTF-8 or a lone surrogate escape.
            return $"invalid text in JSON after {pairs.Count} member(s): {exception.Message}";
        }
    }

    private static string Reason(JsonException exception) =>
        exception.Message.Length <= 200 ? exception.Message : exception.Message[..200];
}
