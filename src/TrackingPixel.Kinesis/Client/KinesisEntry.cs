namespace TrackingPixel.Kinesis.Client;

/// <summary>One Kinesis record of a PutRecords call: its data, its partition key and the pixel records in it.</summary>
/// <param name="Data">The bytes sent: one pixel record, or several packed one after another.</param>
/// <param name="PartitionKey">The partition key.</param>
/// <param name="Members">The indices, in the publish call, of the pixel records in <paramref name="Data"/>.</param>
internal sealed record KinesisEntry(ReadOnlyMemory<byte> Data, string PartitionKey, IReadOnlyList<int> Members)
{
    /// <summary>Gets what the entry counts against the per-record and per-call limits: data and key.</summary>
    public int LimitBytes { get; } = Data.Length + System.Text.Encoding.UTF8.GetByteCount(PartitionKey);
}
