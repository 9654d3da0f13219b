using TrackingPixel.Kinesis.Client;

namespace TrackingPixel.Kinesis.Publishing;

/// <summary>Turns the pixel records of one publish call into Kinesis records: one each, or packed up to a
/// size.</summary>
/// <remarks>
/// Packing concatenates whole records (each ends in <c>"\n"</c>), so a packed Kinesis record is NDJSON as Firehose
/// writes it to S3. Records of one partition key are packed in their order; a record too large to pack is sent alone.
/// </remarks>
internal static class RecordPacker
{
    public static List<KinesisEntry> Pack(
        IReadOnlyList<ReadOnlyMemory<byte>> records, IEnumerable<int> indices, PartitionKeys keys, int packedBytes)
    {
        var entries = new List<KinesisEntry>();
        var open = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var index in indices)
        {
            var record = records[index];
            var key = keys.KeyOf(record.Span);
            if (packedBytes <= 0 || record.Length >= packedBytes)
            {
                entries.Add(new KinesisEntry(record, key ?? PartitionKeys.Random(), [index]));
                continue;
            }

            // Random keys share one pack; "" cannot be a field key, which is never empty.
            var slot = key ?? "";
            if (open.TryGetValue(slot, out var members) && sizes[slot] + record.Length > packedBytes)
            {
                entries.Add(Join(records, members, key));
                members = null;
            }

            if (members is null)
            {
                open[slot] = members = [];
                sizes[slot] = 0;
            }

            members.Add(index);
            sizes[slot] += record.Length;
        }

        foreach (var (slot, members) in open)
        {
            entries.Add(Join(records, members, slot.Length == 0 ? null : slot));
        }

        return entries;
    }

    private static KinesisEntry Join(IReadOnlyList<ReadOnlyMemory<byte>> records, List<int> members, string? key)
    {
        if (members.Count == 1)
        {
            return new KinesisEntry(records[members[0]], key ?? PartitionKeys.Random(), members);
        }

        // A copy: the pipeline's buffers are only valid until the publish call returns, and so is this one.
        var data = new byte[members.Sum(m => records[m].Length)];
        var offset = 0;
        foreach (var member in members)
        {
            records[member].Span.CopyTo(data.AsSpan(offset));
            offset += records[member].Length;
        }

        return new KinesisEntry(data, key ?? PartitionKeys.Random(), members);
    }
}
