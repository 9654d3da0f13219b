using System.Text;
using TrackingPixel.Firehose.Tests.Support;

namespace TrackingPixel.Firehose.Tests.Publishing;

/// <summary>Several NDJSON lines share one Firehose record; failures and undelivered output stay per pixel record.
/// </summary>
public sealed class FirehosePackingTests
{
    private const int PackBytes = 5_000;

    [Fact]
    public async Task Publish_PackingOn_FillsRecordsWithinTheSizeAndKeepsEveryLineIntactInOrder()
    {
        await using var server = new FakeFirehose();
        await using var harness = FirehoseHarness.Create(server, o => o.PackedRecordBytes = PackBytes);

        var sent = await harness.PublishAsync(300);

        harness.AssertEveryRecordAccountedFor(sent);
        var entries = server.DeliveredEntries;
        Assert.All(entries, e => Assert.InRange(Encoding.UTF8.GetByteCount(e), 1, PackBytes));
        Assert.Equal(string.Concat(sent), string.Concat(entries));
        Assert.Equal(sent, server.Delivered);
        var lineBytes = sent.Sum(Encoding.UTF8.GetByteCount);
        Assert.InRange(entries.Count, (lineBytes + PackBytes - 1) / PackBytes, (lineBytes / (PackBytes / 2)) + 1);
        Assert.Single(server.Calls);
        Assert.Equal(300, harness.Metrics.RecordsPublished);
    }

    [Fact]
    public async Task Publish_SomePackedRecordsFailOnce_ResendsExactlyThoseWhole()
    {
        await using var server = new FakeFirehose(
            call => call.Number == 1 ? Fault.Entries((i, _) => i % 2 == 0) : Fault.None);
        await using var harness = FirehoseHarness.Create(server, o => o.PackedRecordBytes = PackBytes);

        var sent = await harness.PublishAsync(300);

        harness.AssertEveryRecordAccountedFor(sent);
        var first = server.Calls[0].Records;
        Assert.Equal(first.Where((_, i) => i % 2 == 0), server.Calls[1].Records);
        Assert.Equal(2, server.Calls.Count);
        Assert.Empty(harness.Undelivered.Records);
        var resentLines = server.Calls[1].Records.Sum(r => r.Count(c => c == '\n'));
        Assert.Equal(resentLines, harness.Metrics.RecordsRetried);
    }

    [Fact]
    public async Task Publish_PackedRecordAlwaysFails_EachOfItsPixelRecordsIsOneUndeliveredLine()
    {
        await using var server = new FakeFirehose(_ => Fault.Entries((i, _) => i == 0));
        await using var harness = FirehoseHarness.Create(server, o =>
        {
            o.PackedRecordBytes = PackBytes;
            o.MaxAttempts = 2;
        });

        var sent = await harness.PublishAsync(100);

        harness.AssertEveryRecordAccountedFor(sent);
        var firstPack = server.Calls[0].Records[0];
        var kept = harness.Undelivered.Records;
        Assert.True(kept.Count > 1, "the first pack should hold several pixel records");
        Assert.Equal(sent.Take(kept.Count), kept);
        Assert.Equal(firstPack, string.Concat(kept));
        Assert.All(kept, line => Assert.Equal(1, line.Count(c => c == '\n')));
    }

    [Fact]
    public async Task Publish_PackingOff_SendsOneFirehoseRecordPerPixelRecord()
    {
        await using var server = new FakeFirehose();
        await using var harness = FirehoseHarness.Create(server, o => o.PackedRecordBytes = 0);

        var sent = await harness.PublishAsync(50);

        Assert.Equal(sent, server.DeliveredEntries);
    }

    [Fact]
    public void Pack_LineLongerThanThePack_TravelsAloneAndLinesWithoutNewlineGetOne()
    {
        ReadOnlyMemory<byte>[] records = [Bytes("a\n"), Bytes(new string('b', 20) + "\n"), Bytes("c"), Bytes("d\n")];

        var (packs, members) = TrackingPixel.Firehose.Publishing.RecordPacker.Pack(records, [0, 1, 2, 3], 10);

        Assert.Equal(["a\n", new string('b', 20) + "\n", "c\nd\n"], packs.Select(p => Encoding.UTF8.GetString(p.Span)));
        Assert.Equal([[0], [1], [2, 3]], members);
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
