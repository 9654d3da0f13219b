using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Support;

/// <summary>Keeps every record published, in order, and can be told to fail.</summary>
public sealed class CollectingPublisher : IRecordPublisher
{
    private readonly ConcurrentQueue<string> _records = new();

    public PublisherLimits Limits { get; } = PublisherLimits.Default;

    public Func<int, Exception?> Failure { get; set; } = _ => null;

    public IReadOnlyList<string> Records => [.. _records];

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        if (Failure(records.Count) is { } failure)
        {
            if (failure is RecordPublishException partial)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    if (!partial.FailedIndices.Contains(i))
                    {
                        _records.Enqueue(Encoding.UTF8.GetString(records[i].Span));
                    }
                }
            }

            throw failure;
        }

        foreach (var record in records)
        {
            _records.Enqueue(Encoding.UTF8.GetString(record.Span));
        }

        return ValueTask.CompletedTask;
    }
}
