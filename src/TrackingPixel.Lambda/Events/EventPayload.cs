using System.Text;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// One event's payload with the entries the reading pass found in it, read into strings only when asked for.
/// </summary>
/// <param name="bytes">The invocation payload; it must not be reused while a request view over it lives.</param>
/// <param name="entries">The map and list entries, in payload order.</param>
/// <param name="escapedNames">
/// Unescaped names of the entries whose names had escapes, indexed like them; null when none had.
/// </param>
internal sealed class EventPayload(ReadOnlyMemory<byte> bytes, PayloadEntry[] entries, string?[]? escapedNames)
{
    public ReadOnlySpan<byte> Bytes => bytes.Span;

    public PayloadEntry[] Entries => entries;

    /// <summary>
    /// The index after the last element of the list (or single value) starting at <paramref name="index"/>.
    /// </summary>
    public int GroupEnd(int index, int end)
    {
        var next = index + 1;
        while (next < end && entries[next].Continues)
        {
            next++;
        }

        return next;
    }

    public string NameOf(int index) =>
        escapedNames?[index] ?? Encoding.UTF8.GetString(
            bytes.Span.Slice(entries[index].NameStart, entries[index].NameLength));

    /// <summary>
    /// Whether entry <paramref name="index"/>'s name equals <paramref name="name"/>, ignoring ASCII case.
    /// </summary>
    public bool NameEquals(int index, string name) =>
        escapedNames?[index] is { } escaped
            ? string.Equals(escaped, name, StringComparison.OrdinalIgnoreCase)
            : Ascii.EqualsIgnoreCase(bytes.Span.Slice(entries[index].NameStart, entries[index].NameLength), name);

    public string? TextOf(int index) => entries[index].Value.ToText(bytes.Span);

    /// <summary>
    /// Joins the present values of entries <c>[start, end)</c> with <paramref name="separator"/>; null when none is
    /// present.
    /// </summary>
    public string? Join(int start, int end, string separator, bool skipEmpty)
    {
        string? only = null;
        StringBuilder? joined = null;
        for (var i = start; i < end; i++)
        {
            if (TextOf(i) is not { } value || (skipEmpty && value.Length == 0))
            {
                continue;
            }

            if (only is null)
            {
                only = value;
            }
            else
            {
                (joined ??= new StringBuilder(only)).Append(separator).Append(value);
            }
        }

        return joined?.ToString() ?? only;
    }

    /// <summary>
    /// Every present name and value of a map, a list's elements each as their own pair, in payload order.
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs(EntryRange range)
    {
        string? name = null;
        for (var i = range.Start; i < range.End; i++)
        {
            name = entries[i].Continues && name is not null ? name : NameOf(i);
            if (TextOf(i) is { } value)
            {
                yield return new(name, value);
            }
        }
    }
}
