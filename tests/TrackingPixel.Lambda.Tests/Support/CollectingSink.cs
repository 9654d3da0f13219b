using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Keeps every undelivered record with its reason.</summary>
public sealed class CollectingSink : IUndeliveredRecordSink
{
    private readonly ConcurrentQueue<(string Record, string Reason)> _records = new();

    public IReadOnlyList<(string Record, string Reason)> Records => [.. _records];

    public void Write(ReadOnlySpan<byte> record, string reason) =>
        _records.Enqueue((Encoding.UTF8.GetString(record), reason));
}
