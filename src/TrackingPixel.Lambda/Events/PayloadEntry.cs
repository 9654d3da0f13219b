namespace TrackingPixel.Lambda.Events;

/// <summary>
/// One name and value of a map (headers, query parameters) or one element of a list, as positions in the payload.
/// </summary>
/// <param name="NameStart">The offset of the name's first byte, inside its quotes.</param>
/// <param name="NameLength">The byte length of the name as written.</param>
/// <param name="Value">The value.</param>
/// <param name="Continues">
/// Whether this is a second or later element of the same name's list (a multi-value header).
/// </param>
internal readonly record struct PayloadEntry(int NameStart, int NameLength, JsonScalar Value, bool Continues);

/// <summary>The entries of one map or list: indexes <c>[Start, End)</c> into the event's entry array.</summary>
internal readonly record struct EntryRange(int Start, int End)
{
    /// <summary>Whether the map was present as an object (or the list as an array), even if empty.</summary>
    public bool IsPresent { get; init; }

    /// <summary>Whether the range holds no entries.</summary>
    public bool IsEmpty => End <= Start;
}
