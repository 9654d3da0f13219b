using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Support;

/// <summary>Keeps every undelivered record with its reason, and can be told to throw.</summary>
public sealed class CollectingSink : IUndeliveredRecordSink
{
    private readonly ConcurrentQueue<(string Record, string Reason)> _records = new();

    public bool Throw { get; set; }

    public IReadOnlyList<(string Record, string Reason)> Records => [.. _records];

    public void Write(ReadOnlySpan<byte> record, string reason)
    {
        if (Throw)
        {
            throw new IOException("sink unavailable");
        }

        _records.Enqueue((Encoding.UTF8.GetString(record), reason));
    }
}
