using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Publishing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Pipeline;

public class PixelPipelinePublishTests
{
    [Fact]
    public async Task PublishAsync_PartialFailure_SendsExactlyTheFailedRecordsToTheSink()
    {
        var publisher = new CollectingPublisher { Failure = _ => new RecordPublishException("throttled", [1, 3, 3]) };
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            var records = Collect(pipeline, 5);

            await pipeline.PublishAsync(records, CancellationToken.None);

            Assert.Equal([Line(0), Line(2), Line(4)], publisher.Records);
            Assert.Equal([Line(1), Line(3)], sink.Records.Select(r => r.Record));
            Assert.All(sink.Records, r => Assert.Equal("throttled", r.Reason));
            Assert.Equal(3, pipeline.Metrics.RecordsPublished);
            Assert.Equal(2, pipeline.Metrics.RecordsUndelivered);
            records.ForEach(r => r.Dispose());
        }
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 1, 5 })]
    [InlineData(new[] { -1 })]
    public async Task PublishAsync_FailureThatCannotNameASubset_SendsEveryRecordToTheSink(int[] indices)
    {
        var publisher = new CollectingPublisher { Failure = _ => new RecordPublishException("odd", indices) };
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            var records = Collect(pipeline, 3);

            await pipeline.PublishAsync(records, CancellationToken.None);

            Assert.Equal([Line(0), Line(1), Line(2)], sink.Records.Select(r => r.Record));
            records.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task PublishAsync_PublisherThrows_SendsTheRecordToTheSinkWithTheReason()
    {
        var publisher = new CollectingPublisher { Failure = _ => new IOException("disk full") };
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            using var record = pipeline.Collect(Some.Request("n=0"))!;

            Assert.Equal(PublishOutcome.Undelivered, await pipeline.PublishAsync(record, CancellationToken.None));

            Assert.Equal((Line(0), "disk full"), Assert.Single(sink.Records));
            Assert.Equal(0, pipeline.Metrics.RecordsPublished);
        }
    }

    [Fact]
    public async Task PublishAsync_Cancelled_SaysPublishingRanOutOfTime()
    {
        var publisher = new CollectingPublisher { Failure = _ => new OperationCanceledException() };
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            using var record = pipeline.Collect(Some.Request("n=0"))!;

            await pipeline.PublishAsync(record, CancellationToken.None);

            Assert.Equal("publishing ran out of time", Assert.Single(sink.Records).Reason);
        }
    }

    [Fact]
    public async Task PublishAsync_SinkAlsoThrows_CountsTheRecordAsLostAndDoesNotThrow()
    {
        var publisher = new CollectingPublisher { Failure = _ => new IOException("down") };
        var (pipeline, sink, services) = Build(publisher);
        sink.Throw = true;
        using (services)
        {
            var records = Collect(pipeline, 2);

            await pipeline.PublishAsync(records, CancellationToken.None);

            Assert.Equal(2, pipeline.Metrics.RecordsLost);
            records.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task PublishAsync_Accepted_SaysPublishedAndCountsIt()
    {
        var publisher = new CollectingPublisher();
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            using var record = pipeline.Collect(Some.Request("n=0"))!;

            Assert.Equal(PublishOutcome.Published, await pipeline.PublishAsync(record, CancellationToken.None));

            Assert.Equal([Line(0)], publisher.Records);
            Assert.Equal(1, pipeline.Metrics.RecordsPublished);
            Assert.Empty(sink.Records);
        }
    }

    [Fact]
    public async Task PublishAsync_SeveralRecords_EachArrivesOnce()
    {
        var publisher = new CollectingPublisher();
        var (pipeline, _, services) = Build(publisher);
        using (services)
        {
            var records = Collect(pipeline, 3);

            await pipeline.PublishAsync(records, CancellationToken.None);

            Assert.Equal([Line(0), Line(1), Line(2)], publisher.Records);
            records.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task PublishAsync_EmptyBatch_DoesNothing()
    {
        var publisher = new CollectingPublisher { Failure = _ => new IOException("must not be called") };
        var (pipeline, sink, services) = Build(publisher);
        using (services)
        {
            await pipeline.PublishAsync(Array.Empty<PixelRecord>(), CancellationToken.None);

            Assert.Empty(sink.Records);
        }
    }

    private static (PixelPipeline Pipeline, CollectingSink Sink, ServiceProvider Services) Build(
        CollectingPublisher publisher)
    {
        var sink = new CollectingSink();
        var services = Some.Services(b => b.AddQueryField("n", "n"), publisher: publisher, sink: sink);
        return (services.GetRequiredService<PixelPipeline>(), sink, services);
    }

    private static List<PixelRecord> Collect(PixelPipeline pipeline, int count) =>
        [.. Enumerable.Range(0, count).Select(i => pipeline.Collect(Some.Request($"n={i}"))!)];

    private static string Line(int n) => $$"""{"n":"{{n}}"}""" + "\n";
}
