using TrackingPixel.Publishing;

namespace TrackingPixel.Testing;

/// <summary>Stands in for the composition's publisher and keeps a copy of every record it is given.</summary>
internal sealed class CapturingPublisher : IRecordPublisher
{
    private readonly List<PublishedRecord> _records = [];
    private readonly object _gate = new();

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.Add(new PublishedRecord(record.Span));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_gate)
        {
            foreach (var record in records)
            {
                _records.Add(new PublishedRecord(record.Span));
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removes and returns what was published since the last call.</summary>
    public PublishedRecord[] Take()
    {
        lock (_gate)
        {
            var taken = _records.ToArray();
            _records.Clear();
            return taken;
        }
    }
}
