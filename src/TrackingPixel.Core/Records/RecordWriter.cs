using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace TrackingPixel;

/// <summary>
/// Writes a <see cref="RecordBuilder"/> as one bounded JSON line with <see cref="Utf8JsonWriter"/> into pooled buffers.
/// </summary>
/// <remarks>
/// Every string is bounded to the field limit without splitting a surrogate pair (values set whole, like <c>ip</c>, are
/// kept whole or dropped), and transcoded with invalid UTF-16
/// replaced by U+FFFD, so the output is always valid UTF-8 JSON. When the whole record would exceed its cap, the
/// longest strings are halved until it fits. Cut fields are listed in <see cref="FieldNames.Truncated"/>.
/// Not thread-safe: the pipeline keeps one writer per concurrent request.
/// </remarks>
internal sealed class RecordWriter : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Most non-ASCII text stays readable UTF-8 (emoji and other supplementary characters are \u-escaped); quotes,
        // backslashes and control characters are always escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private const int Dropped = -1;

    private readonly int _maxFieldLength;
    private readonly int _maxRecordBytes;
    private readonly PooledBufferWriter _output = new();
    private readonly Utf8JsonWriter _json;
    private byte[] _utf8 = new byte[1024];
    private int[] _limits = new int[16];

    public RecordWriter(int maxFieldLength, int maxRecordBytes)
    {
        _maxFieldLength = maxFieldLength;
        _maxRecordBytes = maxRecordBytes;
        _json = new Utf8JsonWriter(_output, WriterOptions);
    }

    /// <summary>Gets how many string values held invalid UTF-16 (lone surrogates) in the last record written.</summary>
    public int InvalidTextReplaced { get; private set; }

    public PixelRecord Write(RecordBuilder record)
    {
        var entries = record.Entries;
        if (_limits.Length < entries.Length)
        {
            _limits = new int[entries.Length * 2];
        }

        for (var i = 0; i < entries.Length; i++)
        {
            var value = entries[i].Value;
            _limits[i] = value.Text is not { } text ? 0
                : value.Whole && text.Length > _maxFieldLength ? Dropped
                : SafeCut(text, _maxFieldLength);
        }

        // The newline is part of the record, so the JSON object gets one byte less than the cap.
        while (WriteObject(entries) > _maxRecordBytes - 1)
        {
            Shrink(entries);
        }

        _output.GetSpan(1)[0] = (byte)'\n';
        _output.Advance(1);
        var truncated = CountTruncated(entries);
        var buffer = _output.Detach(out var length);
        return new PixelRecord(buffer, length, truncated);
    }

    public void Dispose()
    {
        _json.Dispose();
        _output.Dispose();
    }

    private int WriteObject(ReadOnlySpan<RecordBuilder.Entry> entries)
    {
        _output.Clear();
        _json.Reset(_output);
        InvalidTextReplaced = 0;
        _json.WriteStartObject();
        for (var i = 0; i < entries.Length; i++)
        {
            if (_limits[i] != Dropped)
            {
                WriteField(entries[i], _limits[i]);
            }
        }

        var truncated = CountTruncated(entries);
        if (truncated > 0)
        {
            _json.WriteStartArray(FieldNames.Truncated);
            if (truncated == entries.Length && AllDropped(entries.Length))
            {
                // Even the names did not fit: say so without them, which always fits the validated minimum cap.
                _json.WriteStringValue("*"u8);
            }
            else
            {
                for (var i = 0; i < entries.Length; i++)
                {
                    if (IsTruncated(entries[i], i))
                    {
                        _json.WriteStringValue(Sanitize(entries[i].Name));
                    }
                }
            }

            _json.WriteEndArray();
        }

        _json.WriteEndObject();
        _json.Flush();
        return _output.WrittenCount;
    }

    private void WriteField(in RecordBuilder.Entry entry, int limit)
    {
        _json.WritePropertyName(Sanitize(entry.Name));
        var value = entry.Value;
        switch (value.Kind)
        {
            case FieldKind.String:
                _json.WriteStringValue(Sanitize(value.Text.AsSpan(0, limit)));
                break;
            case FieldKind.Integer:
                _json.WriteNumberValue(value.Integer);
                break;
            case FieldKind.Number when double.IsFinite(value.Number):
                _json.WriteNumberValue(value.Number);
                break;
            case FieldKind.Boolean:
                _json.WriteBooleanValue(value.Integer != 0);
                break;
            case FieldKind.Timestamp:
                Span<byte> iso = stackalloc byte[32];
                _json.WriteStringValue(FormatTimestamp(value.Timestamp, iso));
                break;
            default:
                _json.WriteNullValue();
                break;
        }
    }

    /// <summary>Transcodes to UTF-8, replacing lone surrogates rather than letting the JSON writer throw.</summary>
    private ReadOnlySpan<byte> Sanitize(ReadOnlySpan<char> text)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < needed)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }

        if (Utf8.FromUtf16(text, _utf8, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            return _utf8.AsSpan(0, written);
        }

        InvalidTextReplaced++;
        Utf8.FromUtf16(text, _utf8, out _, out written, replaceInvalidSequences: true);
        return _utf8.AsSpan(0, written);
    }

    private static ReadOnlySpan<byte> FormatTimestamp(DateTimeOffset value, Span<byte> destination)
    {
        var utc = value.UtcDateTime;
        utc.TryFormat(destination, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return destination[..written];
    }

    /// <summary>
    /// Halves the longest remaining string that may be cut; once every such string is empty, drops fields from the end.
    /// </summary>
    private void Shrink(ReadOnlySpan<RecordBuilder.Entry> entries)
    {
        var longest = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            if (_limits[i] > 0 && !entries[i].Value.Whole && (longest < 0 || _limits[i] > _limits[longest]))
            {
                longest = i;
            }
        }

        if (longest >= 0)
        {
            _limits[longest] = SafeCut(entries[longest].Value.Text!, _limits[longest] / 2);
            return;
        }

        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (_limits[i] != Dropped)
            {
                _limits[i] = Dropped;
                return;
            }
        }

        throw new InvalidOperationException(
            "A record of dropped fields cannot exceed the record cap; the cap is validated at start-up.");
    }

    private bool AllDropped(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_limits[i] != Dropped)
            {
                return false;
            }
        }

        return true;
    }

    private int CountTruncated(ReadOnlySpan<RecordBuilder.Entry> entries)
    {
        var count = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            count += IsTruncated(entries[i], i) ? 1 : 0;
        }

        return count;
    }

    private bool IsTruncated(in RecordBuilder.Entry entry, int index) =>
        _limits[index] == Dropped || (entry.Value.Text is { } text && _limits[index] < text.Length);

    /// <summary>
    /// Returns a length of at most <paramref name="max"/> that does not end between a surrogate pair.
    /// </summary>
    private static int SafeCut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text.Length;
        }

        return max > 0 && char.IsHighSurrogate(text[max - 1]) && char.IsLowSurrogate(text[max]) ? max - 1 : max;
    }
}
