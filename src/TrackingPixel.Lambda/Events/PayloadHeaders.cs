using System.Diagnostics.CodeAnalysis;

namespace TrackingPixel.Lambda.Events;

/// <summary>
/// An event's headers, read from the payload when asked for: a lookup turns only the value asked for into a string.
/// </summary>
/// <remarks>
/// The multi-value map wins where present (1.0's <c>headers</c> keeps only the last value of a repeated header), its
/// values joined with <c>", "</c>; then the single-value map; then, for a <c>Cookie</c> lookup, payload 2.0's
/// <c>cookies</c> array joined with <c>"; "</c> as a browser sends them (RFC 6265 section 5.4), since API Gateway
/// moves every cookie out of the headers into it. A repeated name's last present value wins, as when a JSON object is
/// read into a dictionary. Values follow the lenient event rules: a number or boolean reads as its text, a null,
/// object or array as absent.
/// </remarks>
internal sealed class PayloadHeaders(
    EventPayload payload,
    EntryRange multi,
    EntryRange single,
    EntryRange cookies) : RequestHeaders
{
    public override bool TryGetValue(string name, [NotNullWhen(true)] out string? value)
    {
        value = Find(multi, name) ?? Find(single, name);
        if (value is null && string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase) && !cookies.IsEmpty)
        {
            // Browsers never send an empty cookie-pair; an empty element is dropped rather than joined.
            value = payload.Join(cookies.Start, cookies.End, "; ", skipEmpty: true);
        }

        return value is not null;
    }

    /// <summary>
    /// Every present header, named as first seen, with the value the lookup gives; a rare, allocating path.
    /// </summary>
    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var range in new[] { multi, single })
        {
            for (var i = range.Start; i < range.End; i = payload.GroupEnd(i, range.End))
            {
                var name = payload.NameOf(i);
                if (seen.Add(name) && TryGetValue(name, out var value))
                {
                    yield return new(name, value);
                }
            }
        }

        if (!cookies.IsEmpty && seen.Add("cookie") && TryGetValue("cookie", out var cookie))
        {
            yield return new("cookie", cookie);
        }
    }

    private string? Find(EntryRange range, string name)
    {
        for (var i = range.End - 1; i >= range.Start; i--)
        {
            if (!payload.Entries[i].Continues && payload.NameEquals(i, name)
                && payload.Join(i, payload.GroupEnd(i, range.End), ", ", skipEmpty: false) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
