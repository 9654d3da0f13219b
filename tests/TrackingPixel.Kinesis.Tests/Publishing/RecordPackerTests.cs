using System.Text;
using TrackingPixel.Kinesis.Publishing;

namespace TrackingPixel.Kinesis.Tests.Publishing;

public class RecordPackerTests
{
    private static readonly ReadOnlyMemory<byte>[] Records =
    [
        Line("""{"userId":"a","n":1}"""), Line("""{"userId":"b","n":2}"""), Line("""{"userId":"a","n":3}"""),
        Line("""{"userId":"a","n":4}"""), Line("""{"n":5}"""),
    ];

    [Fact]
    public void Pack_Off_MakesOneKinesisRecordPerPixelRecordWithDistinctRandomKeys()
    {
        var entries = RecordPacker.Pack(Records, Enumerable.Range(0, 5), new PartitionKeys(null), packedBytes: 0);

        Assert.Equal(Enumerable.Range(0, 5), entries.Select(e => Assert.Single(e.Members)));
        Assert.Equal(5, entries.Select(e => e.PartitionKey).Distinct().Count());
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.PartitionKey));
    }

    [Fact]
    public void Pack_WithinSize_ConcatenatesWholeLinesInOrder()
    {
        var entries = RecordPacker.Pack(Records, Enumerable.Range(0, 5), new PartitionKeys(null), packedBytes: 45);

        Assert.Equal([[0, 1], [2, 3], [4]], entries.Select(e => e.Members.ToArray()));
        Assert.Equal(Text(Records[0]) + Text(Records[1]), Text(entries[0].Data));
        Assert.All(entries, e => Assert.True(e.Data.Length <= 45));
    }

    [Fact]
    public void Pack_WithAKeyField_PacksOnlyRecordsOfOneKeyAndKeysTheRestRandomly()
    {
        var keys = new PartitionKeys("userId");

        var entries = RecordPacker.Pack(Records, Enumerable.Range(0, 5), keys, packedBytes: 1000);

        var byKey = entries.ToDictionary(e => e.PartitionKey, e => e.Members.ToArray());
        Assert.Equal([0, 2, 3], byKey["a"]);
        Assert.Equal([1], byKey["b"]);
        Assert.Equal([4], Assert.Single(byKey, p => p.Key.Length == 32).Value);
    }

    [Fact]
    public void KeyOf_LongValue_IsCutTo256CharactersWithoutSplittingASurrogatePair()
    {
        var value = new string('x', 255) + "😀" + "tail";
        var record = Line($$"""{"userId":"{{value}}"}""");

        var key = new PartitionKeys("userId").KeyOf(record.Span)!;

        Assert.Equal(new string('x', 255), key);
    }

    [Fact]
    public void KeyOf_NumberOrMissingOrNotJson_IsTheNumberOrNull()
    {
        var keys = new PartitionKeys("userId");

        Assert.Equal("42", keys.KeyOf(Line("""{"userId":42}""").Span));
        Assert.Null(keys.KeyOf(Line("""{"other":"x"}""").Span));
        Assert.Null(keys.KeyOf(Line("""{"userId":""}""").Span));
        Assert.Null(keys.KeyOf("not json\n"u8));
    }

    private static ReadOnlyMemory<byte> Line(string json) => Encoding.UTF8.GetBytes(json + "\n");

    private static string Text(ReadOnlyMemory<byte> data) => Encoding.UTF8.GetString(data.Span);
}
