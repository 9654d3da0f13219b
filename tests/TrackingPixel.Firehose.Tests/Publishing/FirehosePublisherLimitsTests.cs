using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Firehose.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.Publishing;

/// <summary>The per-record and per-call limits, at the publisher itself.</summary>
public sealed class FirehosePublisherLimitsTests
{
    [Fact]
    public async Task Publish_RecordOver1000KiB_NeverSentAndReportedByIndex()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());
        var publisher = harness.Services.GetRequiredService<IRecordPublisher>();
        ReadOnlyMemory<byte>[] records = [Record(10, 'a'), Record(1_024_001, 'b'), Record(1_024_000, 'c')];

        var error = await Assert.ThrowsAsync<RecordPublishException>(
            () => publisher.PublishAsync(records, default).AsTask());

        Assert.Equal([1], error.FailedIndices);
        Assert.Contains("1024001 bytes is over Firehose's limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Server.Delivered.Count);
        Assert.Empty(harness.Server.Violations);
    }

    [Fact]
    public async Task Publish_LargeRecords_EachCallStaysUnder4MB()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());
        var publisher = harness.Services.GetRequiredService<IRecordPublisher>();
        var records = Enumerable.Range(0, 7).Select(i => Record(900_000, (char)('a' + i))).ToArray();

        await publisher.PublishAsync(records, default);

        Assert.Empty(harness.Server.Violations);
        Assert.Equal([3, 3, 1], harness.Server.Calls.Select(c => c.Records.Count));
        Assert.Equal(records.Select(r => Encoding.UTF8.GetString(r.Span)), harness.Server.Delivered);
    }

    [Fact]
    public async Task Publish_EmptyList_SendsNothing()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());

        await harness.Services.GetRequiredService<IRecordPublisher>().PublishAsync([], default);

        Assert.Empty(harness.Server.Calls);
    }

    private static ReadOnlyMemory<byte> Record(int length, char fill) =>
        Encoding.ASCII.GetBytes(new string(fill, length));
}
