using System.Text;
using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// Reads an event in one <see cref="Utf8JsonReader"/> pass: the members that identify its shape, the members the
/// request
/// view needs, and the position of every header, cookie and query parameter, without turning any of them into strings.
/// </summary>
/// <remarks>
/// One pass instead of a detector, a deserialiser and later readers over the header maps: an event's bytes are
/// tokenised once, which is the floor for any mapping that reads JSON at all.
/// </remarks>
internal static partial class EventReader
{
    // Most events carry 10 to 30 headers, twice over in payload 1.0; larger events grow the buffer.
    private const int StackEntries = 96;

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads <paramref name="payload"/>.</summary>
    /// <param name="payload">The invocation payload.</param>
    /// <param name="entries">Every map and list entry; <see cref="EventFacts"/>' ranges index into it.</param>
    /// <param name="escapedNames">The unescaped names of entries whose names were escaped, indexed like them; usually
    /// null.</param>
    /// <exception cref="UnsupportedEventException">The payload is not a JSON object.</exception>
    public static EventFacts Read(ReadOnlySpan<byte> payload, out PayloadEntry[] entries, out string?[]? escapedNames)
    {
        var facts = default(EventFacts);
        var collected = new PayloadEntries(StackEntries);
        try
        {
            var reader = new Utf8JsonReader(payload, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new UnsupportedEventException($"The event is not a JSON object. {EventShape.Supported}");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                ReadMember(ref reader, ref facts, ref collected);
            }

            // Anything after the closing brace makes the payload invalid JSON; the reader throws on it.
            reader.Read();
        }
        catch (JsonException exception)
        {
            throw new UnsupportedEventException($"The event is not valid JSON ({exception.Message}). {EventShape.Supported}", exception);
        }

        finally
        {
            entries = collected.ToArray(out escapedNames);
        }

        return facts;
    }

    private static void ReadMember(ref Utf8JsonReader reader, ref EventFacts facts, ref PayloadEntries entries)
    {
        var name = NameOf(ref reader);
        reader.Read();
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("path"u8):
                facts.Path = Scalar(ref reader);
                return;
            case 4 when name.SequenceEqual("body"u8):
                facts.Body = Scalar(ref reader);
                return;
            case 15 when name.SequenceEqual("isBase64Encoded"u8):
                facts.IsBase64Encoded = Scalar(ref reader);
                return;
            case 7 when name.SequenceEqual("version"u8):
                facts.Version = VersionOf(ref reader);
                return;
            case 7 when name.SequenceEqual("rawPath"u8):
                facts.RawPath = Scalar(ref reader);
                return;
            case 7 when name.SequenceEqual("headers"u8):
                facts.Headers = Map(ref reader, ref entries, multiValue: false);
                return;
            case 7 when name.SequenceEqual("cookies"u8):
                facts.Cookies = List(ref reader, ref entries);
                return;
            case 10 when name.SequenceEqual("httpMethod"u8):
                facts.HttpMethod = Scalar(ref reader);
                return;
            case 14 when name.SequenceEqual("rawQueryString"u8):
                facts.RawQueryString = Scalar(ref reader);
                return;
            case 14 when name.SequenceEqual("requestContext"u8):
                ReadRequestContext(ref reader, ref facts);
                return;
            case 17 when name.SequenceEqual("multiValueHeaders"u8):
                facts.MultiValueHeaders = Map(ref reader, ref entries, multiValue: true);
                return;
            case 21 when name.SequenceEqual("queryStringParameters"u8):
                facts.Query = Map(ref reader, ref entries, multiValue: false);
                return;
            case 31 when name.SequenceEqual("multiValueQueryStringParameters"u8):
                facts.MultiValueQuery = Map(ref reader, ref entries, multiValue: true);
                return;
            default:
                facts.Hint ??= EventShape.HintFor(name);
                reader.Skip();
                return;
        }
    }

    /// <summary>The current property name's bytes, unescaped when it had escapes (rare enough to allocate).</summary>
    private static ReadOnlySpan<byte> NameOf(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(LenientJson.Unescape(reader.ValueSpan)) : reader.ValueSpan;

    private static EventVersion VersionOf(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return EventVersion.Other;
        }

        return LenientJson.Is(ref reader, "2.0"u8) ? EventVersion.V2
            : LenientJson.Is(ref reader, "1.0"u8) ? EventVersion.V1
            : EventVersion.Other;
    }

    /// <summary>The current value's position; containers are skipped and read as absent.</summary>
    private static JsonScalar Scalar(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonScalar(start + 1, reader.ValueSpan.Length, reader.ValueIsEscaped ? ScalarKind.EscapedText : ScalarKind.Text);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return new JsonScalar(start, reader.ValueSpan.Length, ScalarKind.Literal);
            default:
                reader.Skip();
                return JsonScalar.Absent;
        }
    }

    /// <summary>Records a map's entries; in a multi-value map each element of an array is an entry of its
    /// own.</summary>
    private static EntryRange Map(ref Utf8JsonReader reader, ref PayloadEntries entries, bool multiValue)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // A map that is not a JSON object reads as absent.
            reader.Skip();
            return default;
        }

        var first = entries.Count;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            if (reader.ValueIsEscaped)
            {
                entries.NameNextEntry(LenientJson.Unescape(reader.ValueSpan));
            }

            reader.Read();
            if (!multiValue || reader.TokenType != JsonTokenType.StartArray)
            {
                entries.Add(new PayloadEntry(nameStart, nameLength, Scalar(ref reader), Continues: false));
                continue;
            }

            var elements = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                entries.Add(new PayloadEntry(nameStart, nameLength, Scalar(ref reader), Continues: elements++ > 0));
            }

            if (elements == 0)
            {
                // An empty list still names the header, as absent.
                entries.Add(new PayloadEntry(nameStart, nameLength, JsonScalar.Absent, Continues: false));
            }
        }

        return new EntryRange(first, entries.Count) { IsPresent = true };
    }

    /// <summary>Records an array's elements as one list (the <c>cookies</c> of payload 2.0).</summary>
    private static EntryRange List(ref Utf8JsonReader reader, ref PayloadEntries entries)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return default;
        }

        var first = entries.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            entries.Add(new PayloadEntry(0, 0, Scalar(ref reader), Continues: entries.Count > first));
        }

        return new EntryRange(first, entries.Count) { IsPresent = true };
    }
}
