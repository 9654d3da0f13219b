using System.Collections.Concurrent;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.Tests.Support;

/// <summary>
/// Keeps every record published with the logical time its publishing started and ended; honours cancellation like a
/// real publisher.
/// </summary>
/// <remarks>
/// Each call can be made to take a while (<see cref="Delay"/>) or to wait for the test (<see cref="Gate"/>), as a
/// network call would.
/// </remarks>
public sealed class RecordingPublisher : IRecordPublisher
{
    private readonly ConcurrentQueue<Published> _published = new();
    private int _calls;

    public PublisherLimits Limits => PublisherLimits.Default;

    /// <summary>One record stored; <c>Call</c> numbers publish calls from 1, so records of one call share it.</summary>
    public sealed record Published(
        string Record, long StartTick, long EndTick, bool TokenCanBeCanceled, string? TraceId, int Call = 0);

    public IReadOnlyList<Published> Calls => [.. _published];

    public IReadOnlyList<string> Records => [.. _published.Select(p => p.Record)];

    /// <summary>How long each call takes before the records count as stored.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Each call waits for this task (or its cancellation) before storing.</summary>
    public Task Gate { get; set; } = Task.CompletedTask;

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(
        IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        var start = Ticks.Next();
        var call = Interlocked.Increment(ref _calls);
        cancellationToken.ThrowIfCancellationRequested();

        // A real publisher yields while its request is in flight; so does this one.
        await Task.Yield();
        await Gate.WaitAsync(cancellationToken);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        var traceId = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
        foreach (var record in records)
        {
            var text = Encoding.UTF8.GetString(record.Span);
            var end = Ticks.Next();
            _published.Enqueue(new Published(text, start, end, cancellationToken.CanBeCanceled, traceId, call));
        }
    }
}
