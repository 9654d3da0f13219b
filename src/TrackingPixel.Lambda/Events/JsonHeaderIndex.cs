using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// The names and value positions of one header map in the invocation payload: a lookup turns only the value asked for
/// into a string. Values follow the lenient event rules: a number or boolean reads as its text, a null, object or
/// array (in a single-value map) as absent; in a multi-value map an array's present values are joined with ", ".
/// </summary>
internal sealed class JsonHeaderIndex
{
    // Most events carry 10 to 30 headers; a larger map grows a list once instead.
    private const int StackEntries = 64;

    private readonly ReadOnlyMemory<byte> _payload;
    private readonly Entry[] _entries;
    private readonly string?[]? _escapedNames;

    private JsonHeaderIndex(ReadOnlyMemory<byte> payload, Entry[] entries, string?[]? escapedNames)
    {
        _payload = payload;
        _entries = entries;
        _escapedNames = escapedNames;
    }

    /// <summary>An index with no headers.</summary>
    public static JsonHeaderIndex Empty { get; } = new(ReadOnlyMemory<byte>.Empty, [], null);

    private enum ValueKind : byte
    {
        Absent,
        Text,
        EscapedText,
        Literal,
        List,
    }

    /// <summary>Indexes the map at <paramref name="slice"/>; one pass, allocating only the entry array.</summary>
    /// <param name="payload">The invocation payload the slice was read from.</param>
    /// <param name="slice">The map's position; an absent slice gives an empty index.</param>
    /// <param name="multiValue">Whether values are arrays of strings (<c>multiValueHeaders</c>).</param>
    public static JsonHeaderIndex Build(ReadOnlyMemory<byte> payload, JsonSlice slice, bool multiValue)
    {
        if (!slice.IsObjectIn(payload))
        {
            return Empty;
        }

        Span<Entry> stack = stackalloc Entry[StackEntries];
        List<Entry>? more = null;
        List<(int Index, string Name)>? escaped = null;
        var count = 0;
        var reader = new Utf8JsonReader(slice.In(payload));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var nameStart = slice.Start + (int)reader.TokenStartIndex + 1;
            var nameLength = reader.ValueSpan.Length;
            if (reader.ValueIsEscaped)
            {
                (escaped ??= []).Add((count, LenientStringConverter.ReadString(ref reader)));
            }

            reader.Read();
            var entry = ReadValue(ref reader, slice.Start, multiValue, nameStart, nameLength, reader.ValueIsEscaped);
            if (count < StackEntries)
            {
                stack[count] = entry;
            }
            else
            {
                (more ??= []).Add(entry);
            }

            count++;
        }

        var entries = new Entry[count];
        stack[..Math.Min(count, StackEntries)].CopyTo(entries);
        more?.CopyTo(entries, StackEntries);
        string?[]? names = null;
        if (escaped is not null)
        {
            names = new string?[count];
            foreach (var (index, name) in escaped)
            {
                names[index] = name;
            }
        }

        return new JsonHeaderIndex(payload, entries, names);
    }

    /// <summary>Finds the last present value whose name equals <paramref name="name"/> ignoring ASCII case.</summary>
    public bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        // Last wins, as when a JSON object with a repeated name is read into a dictionary.
        for (var i = _entries.Length - 1; i >= 0; i--)
        {
            if (_entries[i].Kind != ValueKind.Absent && NameEquals(i, name) && Materialize(_entries[i]) is { } found)
            {
                value = found;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>Every present header, named as in the event, the last of a repeated name winning; a rare, allocating path.</summary>
    public Dictionary<string, string> ToDictionary()
    {
        var map = new Dictionary<string, string>(_entries.Length, StringComparer.Ordinal);
        for (var i = 0; i < _entries.Length; i++)
        {
            var name = _escapedNames?[i] ?? Encoding.UTF8.GetString(_payload.Span.Slice(_entries[i].NameStart, _entries[i].NameLength));
            if (Materialize(_entries[i]) is { } value)
            {
                map[name] = value;
            }
            else
            {
                map.Remove(name);
            }
        }

        return map;
    }

    private static Entry ReadValue(ref Utf8JsonReader reader, int offset, bool multiValue, int nameStart, int nameLength, bool valueEscaped)
    {
        var start = offset + (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new Entry(nameStart, nameLength, valueEscaped ? ValueKind.EscapedText : ValueKind.Text, start + 1, reader.ValueSpan.Length);
            case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False:
                return new Entry(nameStart, nameLength, ValueKind.Literal, start, reader.ValueSpan.Length);
            case JsonTokenType.StartArray when multiValue:
                reader.Skip();
                return new Entry(nameStart, nameLength, ValueKind.List, start, offset + (int)reader.BytesConsumed - start);
            default:
                reader.Skip();
                return new Entry(nameStart, nameLength, ValueKind.Absent, start, 0);
        }
    }

    private bool NameEquals(int index, string name) =>
        _escapedNames?[index] is { } escaped
            ? string.Equals(escaped, name, StringComparison.OrdinalIgnoreCase)
            : Ascii.EqualsIgnoreCase(_payload.Span.Slice(_entries[index].NameStart, _entries[index].NameLength), name);

    private string? Materialize(in Entry entry)
    {
        var bytes = _payload.Span;
        return entry.Kind switch
        {
            // Unescaped string bytes were validated as UTF-8 by the reader, so this cannot fail or replace.
            ValueKind.Text or ValueKind.Literal => Encoding.UTF8.GetString(bytes.Slice(entry.ValueStart, entry.ValueLength)),
            ValueKind.EscapedText => Unescape(bytes.Slice(entry.ValueStart - 1, entry.ValueLength + 2)),
            ValueKind.List => JoinPresent(bytes.Slice(entry.ValueStart, entry.ValueLength)),
            _ => null,
        };
    }

    private static string Unescape(ReadOnlySpan<byte> quoted)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return LenientStringConverter.ReadString(ref reader);
    }

    /// <summary>Joins an array's present values with ", ", as a proxy folds a repeated header; null when none is present.</summary>
    private static string? JoinPresent(ReadOnlySpan<byte> array)
    {
        var reader = new Utf8JsonReader(array);
        reader.Read();
        string? only = null;
        StringBuilder? joined = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (LenientStringConverter.ReadValue(ref reader) is not { } value)
            {
                continue;
            }

            if (only is null)
            {
                only = value;
            }
            else
            {
                (joined ??= new StringBuilder(only)).Append(", ").Append(value);
            }
        }

        return joined?.ToString() ?? only;
    }

    private readonly record struct Entry(int NameStart, int NameLength, ValueKind Kind, int ValueStart, int ValueLength);
}
