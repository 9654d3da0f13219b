namespace TrackingPixel.Firehose.Publishing;

/// <summary>Packs consecutive NDJSON lines into shared Firehose records, so the per-record 5 KB billing unit is
/// filled instead of spent on one ~200-byte line.</summary>
/// <remarks>Order is kept and every line ends with a newline, so the S3 object holds the same bytes as unpacked
/// records would. A line longer than the pack size travels alone.</remarks>
internal static class RecordPacker
{
    /// <summary>Packs the records at <paramref name="indices"/> into records of at most <paramref name="packBytes"/>.
    /// </summary>
    /// <returns>The packed records, and for each the indices of the pixel records it holds.</returns>
    public static (List<ReadOnlyMemory<byte>> Packs, List<int[]> Members) Pack(
        IReadOnlyList<ReadOnlyMemory<byte>> records, IReadOnlyList<int> indices, int packBytes)
    {
        var packs = new List<ReadOnlyMemory<byte>>();
        var members = new List<int[]>();
        var start = 0;
        while (start < indices.Count)
        {
            var size = LineSize(records[indices[start]]);
            var end = start + 1;
            while (end < indices.Count && size + LineSize(records[indices[end]]) <= packBytes)
            {
                size += LineSize(records[indices[end]]);
                end++;
            }

            var group = new int[end - start];
            for (var i = 0; i < group.Length; i++)
            {
                group[i] = indices[start + i];
            }

            var alone = group.Length == 1 && EndsWithNewline(records[group[0]]);
            packs.Add(alone ? records[group[0]] : Join(records, group, size));
            members.Add(group);
            start = end;
        }

        return (packs, members);
    }

    private static byte[] Join(IReadOnlyList<ReadOnlyMemory<byte>> records, int[] group, int size)
    {
        var pack = new byte[size];
        var at = 0;
        foreach (var index in group)
        {
            var record = records[index].Span;
            record.CopyTo(pack.AsSpan(at));
            at += record.Length;
            if (!EndsWithNewline(records[index]))
            {
                pack[at++] = (byte)'\n';
            }
        }

        return pack;
    }

    private static int LineSize(ReadOnlyMemory<byte> record) => record.Length + (EndsWithNewline(record) ? 0 : 1);

    private static bool EndsWithNewline(ReadOnlyMemory<byte> record) => record.Length > 0 && record.Span[^1] == '\n';
}
