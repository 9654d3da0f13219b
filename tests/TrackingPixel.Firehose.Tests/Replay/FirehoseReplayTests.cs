using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Firehose.Replay;
using TrackingPixel.Firehose.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Firehose.Tests.Replay;

public sealed class FirehoseReplayTests
{
    [Fact]
    public async Task Replay_ExportedLogWithOtherLines_SendsEveryUndeliveredRecordBack()
    {
        await using var harness = FirehoseHarness.Create(new FakeFirehose());
        var records = Enumerable.Range(0, 1_100)
            .Select(i => $"{{\"userId\":\"user-{i}\",\"note\":\"caf\u00e9 \\\"quoted\\\"\"}}\n")
            .ToList();
        var log = new StringBuilder("START RequestId: 1 Version: $LATEST\n");
        foreach (var record in records)
        {
            // CloudWatch exports put a timestamp before the JSON; plain stdout has none.
            log.Append(records.IndexOf(record) % 2 == 0 ? "2026-01-01T00:00:00.000Z\t" : "")
                .Append(Line(record))
                .Append("{\"level\":\"INFO\",\"message\":\"unrelated\"}\n");
        }

        var notReplayed = new StringWriter();
        var result = await FirehoseReplay.ReplayAsync(
            new StringReader(log.ToString()), harness.Services.GetRequiredService<IRecordPublisher>(), notReplayed);

        Assert.Equal(new ReplayResult(2_201, 1_100, 1_100, 0), result);
        Assert.Equal(records, harness.Server.Delivered);
        Assert.Equal([500, 500, 100], harness.Server.Calls.Select(c => c.Records.Count));
        Assert.Empty(notReplayed.ToString());
    }

    [Fact]
    public async Task Replay_SomeRecordsStillRejected_WritesExactlyTheirLinesBackOut()
    {
        await using var server = new FakeFirehose(
            _ => Fault.Entries((_, record) => record.Contains("\"bad\"", StringComparison.Ordinal)));
        await using var harness = FirehoseHarness.Create(server, o => o.MaxAttempts = 2);
        string[] lines = [Line("{\"id\":\"good\"}\n"), Line("{\"id\":\"bad\"}\n"), Line("{\"id\":\"good2\"}\n")];

        var notReplayed = new StringWriter();
        var result = await FirehoseReplay.ReplayAsync(
            new StringReader(string.Join("", lines)),
            harness.Services.GetRequiredService<IRecordPublisher>(),
            notReplayed);

        Assert.Equal(new ReplayResult(3, 3, 2, 1), result);
        Assert.Equal(lines[1], notReplayed.ToString());
        Assert.Equal(["{\"id\":\"good\"}\n", "{\"id\":\"good2\"}\n"], server.Delivered);
    }

    [Fact]
    public async Task Replay_NullArguments_Throw()
    {
        var publisher = new ThrowingPublisher();
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => FirehoseReplay.ReplayAsync(null!, publisher, TextWriter.Null));
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => FirehoseReplay.ReplayAsync(TextReader.Null, null!, TextWriter.Null));
        await Assert.ThrowsAsync<ArgumentNullException>(
            () => FirehoseReplay.ReplayAsync(TextReader.Null, publisher, null!));
    }

    [Fact]
    public async Task Replay_PublisherThrows_EveryLineWrittenBackOut()
    {
        var lines = Line("{\"a\":1}\n") + Line("{\"a\":2}\n");
        var notReplayed = new StringWriter();

        var result = await FirehoseReplay.ReplayAsync(new StringReader(lines), new ThrowingPublisher(), notReplayed);

        Assert.Equal(new ReplayResult(2, 2, 0, 2), result);
        Assert.Equal(lines, notReplayed.ToString());
    }

    private static string Line(string record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        UndeliveredRecordLine.Write(Encoding.UTF8.GetBytes(record), "test", DateTimeOffset.UnixEpoch, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class ThrowingPublisher : IRecordPublisher
    {
        public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
            throw new IOException("down");

        public ValueTask PublishAsync(
            IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken) =>
            throw new IOException("down");
    }
}
