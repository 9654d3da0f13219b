using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Pipeline;

public class PixelPipelineIsolationTests
{
    [Fact]
    public void Collect_ThrowingExtractor_IsCountedLoggedAndTheRecordKeepsTheOtherFields()
    {
        var logs = new CollectingLoggerProvider();
        using var services = Some.Services(
            b =>
                b.AddQueryField("userId", "userid")
                    .AddExtractor(new ThrowingExtractor())
                    .AddQueryField("campaign", "c"),
            logs: logs);
        var pipeline = services.GetRequiredService<PixelPipeline>();

        using var record = pipeline.Collect(Some.Request("userid=u&c=spring"));

        Assert.Equal("""{"userId":"u","campaign":"spring"}""" + "\n", record!.ToString());
        Assert.Equal(1, pipeline.Metrics.ExtractorFailures);
        var entry = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(nameof(ThrowingExtractor), entry.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public void Collect_ThrowingPolicy_IsCountedAndTheRecordStillGoesOut()
    {
        using var services = Some.Services(
            b => b.AddQueryField("userId", "userid").AddRecordPolicy(new ThrowingExtractor()));
        var pipeline = services.GetRequiredService<PixelPipeline>();

        using var record = pipeline.Collect(Some.Request("userid=u"));

        Assert.Equal("""{"userId":"u"}""" + "\n", record!.ToString());
        Assert.Equal(1, pipeline.Metrics.ExtractorFailures);
    }

    [Fact]
    public void Collect_PolicyAddedBeforeExtractors_RunsAfterAllOfThem()
    {
        var policy = new RemoveField("userId");
        using var services = Some.Services(
            b => b.AddRecordPolicy(policy).AddQueryField("userId", "userid").AddQueryField("c", "c"));

        using var record = services.GetRequiredService<PixelPipeline>().Collect(Some.Request("userid=u&c=1"));

        Assert.Equal("""{"c":"1"}""" + "\n", record!.ToString());
    }

    [Fact]
    public async Task HandleAsync_DiscardingExtractor_PublishesNothingAndCountsIt()
    {
        var publisher = new CollectingPublisher();
        using var services = Some.Services(
            b => b.AddStandardFields().AddExtractor(new Discarding()), publisher: publisher);
        var pipeline = services.GetRequiredService<PixelPipeline>();

        await pipeline.HandleAsync(Some.Request(), CancellationToken.None);

        Assert.Empty(publisher.Records);
        Assert.Equal(1, pipeline.Metrics.RecordsDiscarded);
        Assert.Equal(0, pipeline.Metrics.RecordsCollected);
    }

    [Fact]
    public void Collect_ConcurrentRequests_EachGetsItsOwnRecord()
    {
        using var services = Some.Services(b => b.AddQueryField("n", "n"));
        var pipeline = services.GetRequiredService<PixelPipeline>();

        var lines = new string[500];
        Parallel.For(0, lines.Length, i =>
        {
            using var record = pipeline.Collect(Some.Request($"n={i}"));
            lines[i] = record!.ToString();
        });

        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal($$"""{"n":"{{i}}"}""" + "\n", lines[i]);
        }
    }

    [Fact]
    public void Collect_MalformedInput_IsLoggedWithoutItsValue()
    {
        var logs = new CollectingLoggerProvider();
        using var services = Some.Services(b => b.AddQueryField("userId", "userid"), logs: logs);

        using var record = services.GetRequiredService<PixelPipeline>().Collect(Some.Request("userid=secret%ZZ"));

        var entry = Assert.Single(logs.Entries);
        Assert.Contains("userId", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_HostileRequest_CountsEachProblemOnce()
    {
        using var services = Some.Services();
        var pipeline = services.GetRequiredService<PixelPipeline>();
        var request = Some.Request(
            "userid=%ZZ&thirdpartyname=%FF", new() { ["User-Agent"] = "lone " + '\uD800' }, peer: "not-an-ip");

        using var record = pipeline.Collect(request);

        // ip, userId, thirdPartyId and the user agent's lone surrogate.
        Assert.Equal(4, pipeline.Metrics.InputProblems);
        Assert.Equal(1, pipeline.Metrics.RecordsCollected);
        Assert.Equal(0, pipeline.Metrics.FieldsTruncated);
    }

    [Fact]
    public void Collect_LongValue_CountsTheTruncatedField()
    {
        using var services = Some.Services();
        var pipeline = services.GetRequiredService<PixelPipeline>();

        using var record = pipeline.Collect(Some.Request("userid=" + new string('x', 5_000)));

        Assert.Equal(1, record!.TruncatedFields);
        Assert.Equal(1, pipeline.Metrics.FieldsTruncated);
    }

    private sealed class RemoveField(string name) : IRecordPolicy
    {
        public void Apply(PixelRequest request, RecordBuilder record) => record.Remove(name);
    }

    private sealed class Discarding : IFieldExtractor
    {
        public void Extract(PixelRequest request, RecordBuilder record) => record.Discard();
    }
}
