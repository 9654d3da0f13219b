using TrackingPixel.Lambda.Tests.Support;

namespace TrackingPixel.Lambda.Tests.Hosting;

/// <summary>The host publishing through the real Firehose publisher to a loopback Firehose.</summary>
[Collection(HostCollection.Name)]
public class FirehoseHostTests
{
    private const int Loops = 32;

    [Fact]
    public async Task RunAsync_StandardLambda_MakesExactlyOneFirehoseRequestPerInvocation()
    {
        const int events = 20;
        await using var stream = await FirehoseStream.StartAsync(TimeSpan.FromMilliseconds(2));
        await using var run = await HostRun.StartAsync(
            configure: (services, r) => FirehoseStream.Publish(services, stream, r.Sink));
        ConcurrentHostTests.Enqueue(run, events);

        await run.StopWhenWaitingAsync(events + 1);

        Assert.Equal(events, stream.PutRecordCalls + stream.PutRecordBatchCalls);
        Assert.All(stream.LinesPerCall, lines => Assert.Equal(1, lines));
        Assert.Equal(ConcurrentHostTests.Expected(events), FirehoseStream.Lines(stream).Order(StringComparer.Ordinal));
        Assert.Empty(run.Sink.Records);
    }

    [Fact]
    public async Task RunAsync_ThirtyTwoConcurrentInvocations_ShareFirehoseRequestsAndEveryRecordArrivesByteForByte()
    {
        const int events = 8 * Loops;
        await using var stream = await FirehoseStream.StartAsync(TimeSpan.FromMilliseconds(20));
        await using var run = await HostRun.StartAsync(
            configure: (services, r) => FirehoseStream.Publish(services, stream, r.Sink),
            options: o => o.MaxConcurrency = Loops);
        ConcurrentHostTests.Enqueue(run, events);

        await run.StopWhenWaitingAsync(events + Loops);

        // One request per record would be 256; while a call is in flight the other loops' records gather.
        var requests = stream.PutRecordCalls + stream.PutRecordBatchCalls;
        Assert.True(requests * 4 <= events, $"{requests} Firehose requests for {events} records");
        Assert.All(stream.LinesPerCall, lines => Assert.InRange(lines, 1, Loops));
        Assert.Equal(ConcurrentHostTests.Expected(events), FirehoseStream.Lines(stream).Order(StringComparer.Ordinal));
        Assert.Empty(run.Sink.Records);
    }

    [Fact]
    public async Task RunAsync_ConcurrentInvocationsAgainstAThrottlingStream_LoseNothingAndDuplicateNothing()
    {
        const int events = 8 * Loops;
        await using var stream = await FirehoseStream.StartAsync(
            TimeSpan.FromMilliseconds(5), throttle: call => call % 3 == 0);
        await using var run = await HostRun.StartAsync(
            configure: (services, r) => FirehoseStream.Publish(services, stream, r.Sink),
            options: o => o.MaxConcurrency = Loops);
        ConcurrentHostTests.Enqueue(run, events);

        await run.StopWhenWaitingAsync(events + Loops);

        Assert.True(stream.ThrottledCalls > 0, "the stream throttled some calls");
        Assert.Equal(events, run.Api.Posts("/response").Count);
        Assert.Equal(ConcurrentHostTests.Expected(events), FirehoseStream.Lines(stream).Order(StringComparer.Ordinal));
        Assert.Empty(run.Sink.Records);
        Assert.Empty(stream.Problems);
    }
}
