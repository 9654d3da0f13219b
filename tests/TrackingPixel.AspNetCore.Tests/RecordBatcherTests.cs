using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.AspNetCore.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.AspNetCore.Tests;

public sealed class RecordBatcherTests : IDisposable
{
    private readonly RecordingPublisher _publisher = new();
    private readonly ServiceProvider _services;
    private readonly PixelPipeline _pipeline;

    public RecordBatcherTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddTrackingPixel().AddStandardFields().UsePublisher(_ => _publisher);
        _services = services.BuildServiceProvider();
        _pipeline = _services.GetRequiredService<PixelPipeline>();
    }

    [Fact]
    public async Task PublishAsync_CompletesOnlyOnceThePublisherHasAcceptedTheRecord()
    {
        var batcher = new RecordBatcher(_pipeline);
        _publisher.Hold();
        using var record = Collect("held");

        var published = batcher.PublishAsync(record);
        await _publisher.Entered.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(published.IsCompleted);
        _publisher.Release();
        await published.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("\"userId\":\"held\"", Assert.Single(_publisher.Records), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_ManyConcurrentRecords_PublishesEachOnceInBatchesOfAtMostTheLimit()
    {
        var batcher = new RecordBatcher(_pipeline);
        const int count = 3 * RecordBatcher.MaxRecords;
        var records = Enumerable.Range(0, count).Select(i => Collect($"user-{i}")).ToArray();
        try
        {
            // Added from several threads at once, as concurrent requests do.
            await Task.WhenAll(records.Chunk(count / 4).Select(chunk => Task.Run(() => Task.WhenAll(chunk.Select(batcher.PublishAsync)))));
        }
        finally
        {
            foreach (var record in records)
            {
                record.Dispose();
            }
        }

        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"user-{i}").Order(StringComparer.Ordinal),
            _publisher.Records.Select(r => r.Split("\"userId\":\"")[1].Split('"')[0]).Order(StringComparer.Ordinal));
        Assert.All(_publisher.BatchSizes, size => Assert.InRange(size, 1, RecordBatcher.MaxRecords));
        Assert.True(_publisher.BatchSizes.Count < count, $"{_publisher.BatchSizes.Count} publisher calls for {count} records");
    }

    [Fact]
    public async Task Get_PublisherRejectsTheBatch_RecordGoesToTheSinkAndThePixelIsServed()
    {
        var sink = new RecordingSink();
        await using var server = await PixelServer.StartAsync(b => b
            .UsePublisher(_ => new RejectingPublisher())
            .UseUndeliveredRecordSink(sink));

        using var response = await server.Client.GetAsync("/pixel.gif?userid=kept");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PixelResponse.Gif.ToArray(), await response.Content.ReadAsByteArrayAsync());
        var (record, reason) = Assert.Single(sink.Records);
        Assert.Contains("\"userId\":\"kept\"", record, StringComparison.Ordinal);
        Assert.Contains("publisher down", reason, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private PixelRecord Collect(string user) =>
        _pipeline.Collect(new PixelRequest { RawQuery = $"userid={user}", PeerAddress = "127.0.0.1", Timestamp = PixelServer.Time })
        ?? throw new InvalidOperationException("The pipeline discarded the record.");

    private sealed class RecordingPublisher : IRecordPublisher
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _hold;

        public ConcurrentQueue<string> Records { get; } = new();

        public ConcurrentQueue<int> BatchSizes { get; } = new();

        public Task Entered => _entered.Task;

        public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _hold?.TrySetResult();

        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) => PublishAsync([record], cancellationToken);

        public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            if (_hold is { } hold)
            {
                await hold.Task.ConfigureAwait(false);
            }

            // The memory is only valid until this call completes: keep copies.
            foreach (var record in records)
            {
                Records.Enqueue(Encoding.UTF8.GetString(record.Span));
            }

            BatchSizes.Enqueue(records.Count);
        }
    }

    private sealed class RejectingPublisher : IRecordPublisher
    {
        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) => throw new IOException("publisher down");

        public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken) => throw new IOException("publisher down");
    }

    private sealed class RecordingSink : IUndeliveredRecordSink
    {
        public ConcurrentQueue<(string Record, string Reason)> Records { get; } = new();

        public void Write(ReadOnlySpan<byte> record, string reason) => Records.Enqueue((Encoding.UTF8.GetString(record), reason));
    }
}
