using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.AspNetCore.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.AspNetCore.Tests;

/// <summary>The endpoint publishes through the pipeline's batching spine: concurrent requests share publisher calls.</summary>
public sealed class PixelEndpointBatchingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Get_PixelIsServedOnlyOnceThePublisherHasAcceptedTheRecord()
    {
        var publisher = new RecordingPublisher(new PublisherLimits(500, 4 * 1024 * 1024));
        await using var server = await PixelServer.StartAsync(b => b.UsePublisher(_ => publisher));
        publisher.Hold();

        var response = server.Client.GetAsync("/pixel.gif?userid=held");
        await publisher.Entered.WaitAsync(Timeout);

        Assert.False(response.IsCompleted);
        publisher.Release();
        using var served = await response.WaitAsync(Timeout);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Contains("\"userId\":\"held\"", Assert.Single(publisher.Records), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManyConcurrentRequests_ShareCallsWithinThePublishersLimitsAndEachRecordArrivesOnce()
    {
        const int count = 600;
        var publisher = new RecordingPublisher(new PublisherLimits(25, 4096)) { Delay = TimeSpan.FromMilliseconds(5) };
        await using var server = await PixelServer.StartAsync(b => b.UsePublisher(_ => publisher));

        var responses = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            using var response = await server.Client.GetAsync($"/pixel.gif?userid=user-{i}");
            return response.StatusCode;
        })).WaitAsync(Timeout);

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"user-{i}").Order(StringComparer.Ordinal),
            publisher.Records.Select(r => r.Split("\"userId\":\"")[1].Split('"')[0]).Order(StringComparer.Ordinal));
        Assert.All(publisher.Calls, call =>
        {
            Assert.InRange(call.Count, 1, 25);
            Assert.InRange(call.Bytes, 1, 4096);
        });
        Assert.True(publisher.Calls.Count < count / 2, $"{publisher.Calls.Count} publisher calls for {count} records");
    }

    [Fact]
    public async Task Get_PublisherRejectsTheBatch_RecordGoesToTheSinkAndThePixelIsServed()
    {
        var sink = new RecordingSink();
        var publisher = new RecordingPublisher(PublisherLimits.Default) { Failure = new IOException("publisher down") };
        await using var server = await PixelServer.StartAsync(b => b.UsePublisher(_ => publisher).UseUndeliveredRecordSink(sink));

        using var response = await server.Client.GetAsync("/pixel.gif?userid=kept");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PixelResponse.Gif.ToArray(), await response.Content.ReadAsByteArrayAsync());
        var (record, reason) = Assert.Single(sink.Records);
        Assert.Contains("\"userId\":\"kept\"", record, StringComparison.Ordinal);
        Assert.Contains("publisher down", reason, StringComparison.Ordinal);
    }

    private sealed class RecordingPublisher(PublisherLimits limits) : IRecordPublisher
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _hold;

        public PublisherLimits Limits { get; } = limits;

        public TimeSpan Delay { get; init; }

        public Exception? Failure { get; init; }

        public ConcurrentQueue<string> Records { get; } = new();

        public ConcurrentQueue<(int Count, int Bytes)> Calls { get; } = new();

        public Task Entered => _entered.Task;

        public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _hold?.TrySetResult();

        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
            PublishAsync([record], cancellationToken);

        public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            if (_hold is { } hold)
            {
                await hold.Task.ConfigureAwait(false);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
            }

            if (Failure is not null)
            {
                throw Failure;
            }

            // The memory is only valid until this call completes: keep copies.
            foreach (var record in records)
            {
                Records.Enqueue(Encoding.UTF8.GetString(record.Span));
            }

            Calls.Enqueue((records.Count, records.Sum(r => r.Length)));
        }
    }

    private sealed class RecordingSink : IUndeliveredRecordSink
    {
        public ConcurrentQueue<(string Record, string Reason)> Records { get; } = new();

        public void Write(ReadOnlySpan<byte> record, string reason) => Records.Enqueue((Encoding.UTF8.GetString(record), reason));
    }
}
