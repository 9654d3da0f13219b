using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Publishing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Publishing.Batching;

public sealed class RecordBatcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(Some.Time);
    private readonly CollectingSink _sink = new();
    private readonly TrackingPixelMetrics _metrics = new();

    [Fact]
    public async Task PublishAsync_LoneCallerAndIdlePublisher_IsSentAtOnceInACallOfItsOwn()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));

        var outcome = batcher.PublishAsync(Line(1), CancellationToken.None);

        // No time passed and no thread hop: the caller itself made the call.
        Assert.True(outcome.IsCompletedSuccessfully);
        Assert.Equal(PublishOutcome.Published, await outcome);
        Assert.Equal([[Text(1)]], publisher.Calls);
        Assert.Equal(1, _metrics.RecordsPublished);
    }

    [Fact]
    public async Task PublishAsync_OneCallerAtATime_MakesExactlyOneCallPerRecordWithTheCallersToken()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        using var deadline = new CancellationTokenSource();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(PublishOutcome.Published, await batcher.PublishAsync(Line(i), deadline.Token));
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => (IReadOnlyList<string>)[Text(i)]), publisher.Calls);
        Assert.Equal(deadline.Token, publisher.LastToken);
    }

    [Fact]
    public async Task PublishAsync_RecordsArrivingWhileACallIsInFlight_GoTogetherOnceItCompletes()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        publisher.Hold();
        var first = Task.Run(() => batcher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await publisher.EnteredAsync();

        var joined = Enumerable.Range(1, 10).Select(i => Publish(batcher, i)).ToArray();
        Assert.All(joined, t => Assert.False(t.IsCompleted));
        publisher.Release();
        var outcomes = await Task.WhenAll([first, .. joined]).WaitAsync(Timeout);

        Assert.All(outcomes, o => Assert.Equal(PublishOutcome.Published, o));
        Assert.Equal([[Text(0)], [.. Enumerable.Range(1, 10).Select(Text)]], publisher.Calls);
    }

    [Fact]
    public async Task PublishAsync_BusyPublisher_SendsTheOpenBatchAfterTheLingerInASecondCall()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromMilliseconds(50));
        publisher.Hold();
        var first = Task.Run(() => batcher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await publisher.EnteredAsync();
        var second = batcher.PublishAsync(Line(1), CancellationToken.None).AsTask();
        var third = batcher.PublishAsync(Line(2), CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.False(await publisher.EnteredWithinAsync(TimeSpan.FromMilliseconds(200)));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await publisher.EnteredAsync();

        Assert.Equal(2, publisher.MaxInFlight);
        publisher.Release();
        await Task.WhenAll(first, second, third).WaitAsync(Timeout);
        Assert.Equal([[Text(0)], [Text(1), Text(2)]], publisher.Calls.OrderBy(c => c.Count));
    }

    [Fact]
    public async Task PublishAsync_IdleLinger_RecordsOfAnIdlePublisherWaitForEachOtherAndGoInOneCall()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(
            publisher, linger: TimeSpan.FromHours(1), idleLinger: TimeSpan.FromMilliseconds(5));

        var first = Publish(batcher, 0);
        var second = Publish(batcher, 1);
        _time.Advance(TimeSpan.FromMilliseconds(4));
        Assert.False(await publisher.EnteredWithinAsync(TimeSpan.FromMilliseconds(200)));
        var third = Publish(batcher, 2);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(first, second, third).WaitAsync(Timeout);

        // The timer started with the first record, not the last: the third one does not extend the wait.
        Assert.Equal([[Text(0), Text(1), Text(2)]], publisher.Calls);
    }

    [Fact]
    public async Task PublishAsync_BatchHoldsMaxCallersRecords_GoesAtOnceWithoutWaitingForTheLinger()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(
            publisher, linger: TimeSpan.FromHours(1), idleLinger: TimeSpan.FromHours(1), maxCallers: 3);

        var outcomes = await Task.WhenAll(Publish(batcher, 0), Publish(batcher, 1), Publish(batcher, 2))
            .WaitAsync(Timeout);

        Assert.All(outcomes, o => Assert.Equal(PublishOutcome.Published, o));
        Assert.Equal([[Text(0), Text(1), Text(2)]], publisher.Calls);
    }

    [Fact]
    public async Task PublishAsync_MaxCallersReachedBehindABusyPublisher_GoesNextToTheCallInFlight()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1), maxCallers: 2);
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 2);

        await publisher.EnteredAsync();
        Assert.Equal(2, publisher.MaxInFlight);
        publisher.Release();
        await Task.WhenAll([first, .. batch]).WaitAsync(Timeout);
        Assert.Equal([[Text(0)], [Text(1), Text(2)]], publisher.Calls.OrderBy(c => c.Count));
    }

    [Theory]
    [InlineData(7, 100_000)]
    [InlineData(500, 300)]
    public async Task PublishAsync_ManyRecordsBehindABusyPublisher_AreCutToItsRecordAndByteLimits(
        int maxRecords, int maxBytes)
    {
        var publisher = new HoldingPublisher(new PublisherLimits(maxRecords, maxBytes));
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        publisher.Hold();
        var first = Task.Run(() => batcher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await publisher.EnteredAsync();

        // Sizes from 8 to ~110 bytes, so the byte limit cuts batches at different counts.
        var records = Enumerable.Range(1, 100).Select(i => Padded(i, i % 13 * 8)).ToArray();
        var pending = records
            .Select(r => batcher.PublishAsync(Encoding.UTF8.GetBytes(r), CancellationToken.None).AsTask())
            .ToArray();
        publisher.Release();
        await Task.WhenAll([first, .. pending]).WaitAsync(Timeout);

        Assert.All(publisher.Calls, call =>
        {
            Assert.InRange(call.Count, 1, maxRecords);
            Assert.InRange(call.Sum(r => Encoding.UTF8.GetByteCount(r)), 1, maxBytes);
        });
        Assert.Equal([Text(0), .. records], publisher.Records.OrderBy(r => int.Parse(r[5..r.IndexOfAny([',', '}'])])));
        Assert.True(publisher.Calls.Count < 101, $"{publisher.Calls.Count} calls for 101 records");
    }

    [Fact]
    public async Task PublishAsync_ManyConcurrentCallers_ShareCallsAndEveryRecordArrivesOnceByteForByte()
    {
        var publisher = new HoldingPublisher(new PublisherLimits(50, 1024 * 1024))
        {
            Delay = TimeSpan.FromMilliseconds(2),
        };
        await using var batcher = new RecordBatcher(
            publisher, _sink, new RecordBatchingOptions(), _metrics, TimeProvider.System, NullLogger.Instance);
        const int count = 4000;

        // Text outside ASCII too: what arrives must be the bytes sent, not a re-encoding.
        var records = Enumerable.Range(0, count)
            .Select(i => $$"""{"n":{{i}},"t":"é€😀{{new string('x', i % 7)}}"}""" + "\n")
            .ToArray();
        var outcomes = new PublishOutcome[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64 };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
            outcomes[i] = await batcher.PublishAsync(Encoding.UTF8.GetBytes(records[i]), ct));

        Assert.All(outcomes, o => Assert.Equal(PublishOutcome.Published, o));
        Assert.Equal(records.Order(StringComparer.Ordinal), publisher.Records.Order(StringComparer.Ordinal));
        Assert.All(publisher.Calls, c => Assert.InRange(c.Count, 1, 50));
        Assert.True(publisher.Calls.Count < count / 4, $"{publisher.Calls.Count} calls for {count} records");
        Assert.Equal(count, _metrics.RecordsPublished);
    }

    [Fact]
    public async Task PublishAsync_PublisherThrows_EveryCallerOfTheBatchLearnsItsRecordWentWholeToTheSink()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 4);
        publisher.Failure = call => call.Count > 1 ? new IOException("stream deleted") : null;

        publisher.Release();

        Assert.Equal(PublishOutcome.Published, await first.WaitAsync(Timeout));
        Assert.All(await Task.WhenAll(batch).WaitAsync(Timeout), o => Assert.Equal(PublishOutcome.Undelivered, o));
        Assert.Equal(Enumerable.Range(1, 4).Select(i => (Text(i), "stream deleted")), _sink.Records);
        Assert.Equal((1, 4), (_metrics.RecordsPublished, _metrics.RecordsUndelivered));
    }

    [Fact]
    public async Task PublishAsync_PartialFailure_OnlyTheNamedCallersRecordsGoToTheSink()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 5);
        publisher.Failure = call => call.Count > 1 ? new RecordPublishException("throttled", [1, 3, 3]) : null;

        publisher.Release();
        await first.WaitAsync(Timeout);

        var expected = new[] { 0, 1, 0, 1, 0 }
            .Select(f => f == 1 ? PublishOutcome.Undelivered : PublishOutcome.Published);
        Assert.Equal(expected, await Task.WhenAll(batch).WaitAsync(Timeout));
        Assert.Equal([(Text(2), "throttled"), (Text(4), "throttled")], _sink.Records);
        Assert.Equal((4, 2), (_metrics.RecordsPublished, _metrics.RecordsUndelivered));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, 5 })]
    [InlineData(new[] { -1 })]
    public async Task PublishAsync_FailureThatCannotNameASubset_SendsEveryRecordOfTheBatchToTheSink(int[] indices)
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 3);
        publisher.Failure = call => call.Count > 1 ? new RecordPublishException("odd", indices) : null;

        publisher.Release();
        await first.WaitAsync(Timeout);

        Assert.All(await Task.WhenAll(batch).WaitAsync(Timeout), o => Assert.Equal(PublishOutcome.Undelivered, o));
        Assert.Equal([Text(1), Text(2), Text(3)], _sink.Records.Select(r => r.Record));
    }

    [Fact]
    public async Task PublishAsync_SinkFailsToo_TheOutcomeIsLostAndTheMeterCountsIt()
    {
        var publisher = new HoldingPublisher { Failure = _ => new IOException("down") };
        await using var batcher = Create(publisher, linger: TimeSpan.Zero);
        _sink.Throw = true;

        Assert.Equal(PublishOutcome.Lost, await batcher.PublishAsync(Line(1), CancellationToken.None));
        Assert.Equal(PublishOutcome.Lost, await batcher.PublishAsync(Line(2), CancellationToken.None));

        Assert.Equal((0, 0, 2), (_metrics.RecordsPublished, _metrics.RecordsUndelivered, _metrics.RecordsLost));
    }

    [Fact]
    public async Task PublishAsync_QueueFull_TheNextCallerWaitsAndIfItGivesUpItsRecordGoesToTheSink()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1), maxQueued: 2);
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 1);
        using var giveUp = new CancellationTokenSource();

        var waiting = batcher.PublishAsync(Line(9), giveUp.Token).AsTask();
        var patient = batcher.PublishAsync(Line(10), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        await giveUp.CancelAsync();

        Assert.Equal(PublishOutcome.Undelivered, await waiting.WaitAsync(Timeout));
        Assert.False(patient.IsCompleted);
        publisher.Release();
        await Task.WhenAll([first, patient, .. batch]).WaitAsync(Timeout);
        Assert.Equal([Text(9)], _sink.Records.Select(r => r.Record));
        Assert.Contains("full queue", _sink.Records[0].Reason, StringComparison.Ordinal);
        Assert.Equal([Text(0), Text(1), Text(10)], publisher.Records);
    }

    [Fact]
    public async Task PublishAsync_CallersWithDeadlines_TheirBatchsCallIsCancelledWithTheFirstDeadline()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, _) = await HeldFirstAndBatchOf(publisher, batcher, 0);
        using var early = new CancellationTokenSource();
        using var late = new CancellationTokenSource();
        var a = batcher.PublishAsync(Line(1), early.Token).AsTask();
        var b = batcher.PublishAsync(Line(2), late.Token).AsTask();
        publisher.ReleaseAndHoldNext();
        await first.WaitAsync(Timeout);
        await publisher.EnteredAsync();

        await early.CancelAsync();

        var outcomes = await Task.WhenAll(a, b).WaitAsync(Timeout);
        Assert.Equal([PublishOutcome.Undelivered, PublishOutcome.Undelivered], outcomes);
        Assert.All(_sink.Records, r => Assert.Equal("publishing ran out of time", r.Reason));
    }

    [Fact]
    public async Task PublishAllAsync_CallersOwnBatch_GoesAsItIsInOneCallAndFailuresAreSettledPerRecord()
    {
        var publisher = new HoldingPublisher(new PublisherLimits(2, 1024))
        {
            Failure = _ => new RecordPublishException("throttled", [3]),
        };
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));

        await batcher.PublishAllAsync([.. Enumerable.Range(0, 5).Select(Line)], CancellationToken.None);

        Assert.Equal([[.. Enumerable.Range(0, 5).Select(Text)]], publisher.Calls);
        Assert.Equal([(Text(3), "throttled")], _sink.Records);
        Assert.Equal((4, 1), (_metrics.RecordsPublished, _metrics.RecordsUndelivered));
    }

    [Fact]
    public async Task FlushAsync_OpenBatch_IsSentAtOnceAndCompletesWhenEverythingIsSettled()
    {
        var publisher = new HoldingPublisher();
        await using var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 3);

        var flushed = batcher.FlushAsync(CancellationToken.None);
        await publisher.EnteredAsync();
        Assert.False(flushed.IsCompleted);
        publisher.Release();

        await flushed.WaitAsync(Timeout);
        Assert.Equal(4, _metrics.RecordsPublished);
        Assert.Equal(2, publisher.MaxInFlight);
        await Task.WhenAll([first, .. batch]).WaitAsync(Timeout);
    }

    [Fact]
    public async Task DisposeAsync_OpenBatch_IsSentWithoutWaitingForTheLingerAndEveryCallerLearnsItsOutcome()
    {
        var publisher = new HoldingPublisher();
        var batcher = Create(publisher, linger: TimeSpan.FromHours(1));
        var (first, batch) = await HeldFirstAndBatchOf(publisher, batcher, 3);

        var disposed = batcher.DisposeAsync().AsTask();
        await publisher.EnteredAsync();
        publisher.Release();
        await disposed.WaitAsync(Timeout);

        Assert.All(await Task.WhenAll([first, .. batch]), o => Assert.Equal(PublishOutcome.Published, o));
        Assert.Equal(PublishOutcome.Published, await batcher.PublishAsync(Line(7), CancellationToken.None));
        Assert.Equal([Text(0), Text(1), Text(2), Text(3), Text(7)], publisher.Records.Order(StringComparer.Ordinal));
    }

    public void Dispose() => _metrics.Dispose();

    /// <summary>
    /// Holds a first call with record 0, then queues records 1..count behind it, all in one open batch.
    /// </summary>
    private static async Task<(Task<PublishOutcome> First, Task<PublishOutcome>[] Batch)> HeldFirstAndBatchOf(
        HoldingPublisher publisher, RecordBatcher batcher, int count)
    {
        publisher.Hold();
        var first = Task.Run(() => batcher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await publisher.EnteredAsync();
        var batch = Enumerable.Range(1, count).Select(i => Publish(batcher, i)).ToArray();
        return (first, batch);
    }

    private static Task<PublishOutcome> Publish(RecordBatcher batcher, int n) =>
        batcher.PublishAsync(Line(n), CancellationToken.None).AsTask();

    private RecordBatcher Create(
        IRecordPublisher publisher,
        TimeSpan linger,
        int maxQueued = 10_000,
        TimeSpan idleLinger = default,
        int maxCallers = 0) =>
        new(
            publisher,
            _sink,
            new RecordBatchingOptions
            {
                Linger = linger,
                MaxQueuedRecords = maxQueued,
                IdleLinger = idleLinger,
                MaxCallers = maxCallers,
            },
            _metrics,
            _time,
            NullLogger.Instance);

    private static ReadOnlyMemory<byte> Line(int n) => Encoding.UTF8.GetBytes(Text(n));

    private static string Text(int n) => $$"""{"n":{{n}}}""" + "\n";

    private static string Padded(int n, int padding) => $$"""{"n":{{n}},"p":"{{new string('x', padding)}}"}""" + "\n";
}
