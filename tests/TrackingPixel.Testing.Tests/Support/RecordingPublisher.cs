using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Testing.Tests.Support;

/// <summary>A real front end's publisher in these tests: keeps what it is given, as text.</summary>
public sealed class RecordingPublisher : IRecordPublisher
{
    public List<string> Records { get; } = [];

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken)
    {
        Records.Add(Encoding.UTF8.GetString(record.Span));
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            Records.Add(Encoding.UTF8.GetString(record.Span));
        }

        return ValueTask.CompletedTask;
    }
}
