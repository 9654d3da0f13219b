using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.Support;

/// <summary>Keeps every record the pipeline could not publish, with the reason given.</summary>
public sealed class CollectingUndeliveredSink : IUndeliveredRecordSink
{
    private readonly ConcurrentQueue<(string Record, string Reason)> _records = new();

    public IReadOnlyList<string> Records => [.. _records.Select(r => r.Record)];

    public IReadOnlyList<string> Reasons => [.. _records.Select(r => r.Reason)];

    public void Write(ReadOnlySpan<byte> record, string reason) =>
        _records.Enqueue((Encoding.UTF8.GetString(record), reason));
}
