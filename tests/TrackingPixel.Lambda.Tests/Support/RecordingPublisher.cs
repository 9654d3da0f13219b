using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>Keeps every record published with the logical time its publishing started and ended; honours cancellation like a real publisher.</summary>
public sealed class RecordingPublisher : IRecordPublisher
{
    private readonly ConcurrentQueue<Published> _published = new();

    public PublisherLimits Limits => PublisherLimits.Default;

    public sealed record Published(string Record, long StartTick, long EndTick, bool TokenCanBeCanceled, string? TraceId);

    public IReadOnlyList<Published> Calls => [.. _published];

    public IReadOnlyList<string> Records => [.. _published.Select(p => p.Record)];

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        var start = Ticks.Next();
        cancellationToken.ThrowIfCancellationRequested();

        // A real publisher yields while its request is in flight; so does this one.
        await Task.Yield();
        var traceId = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
        foreach (var record in records)
        {
            _published.Enqueue(new Published(Encoding.UTF8.GetString(record.Span), start, Ticks.Next(), cancellationToken.CanBeCanceled, traceId));
        }
    }
}
