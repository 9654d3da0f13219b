using System.Text;
using System.Text.Json;

namespace TrackingPixel.Tests.Records;

public class RecordWriterTests
{
    [Fact]
    public void Write_ValueAtTheFieldLimit_IsKeptWhole()
    {
        var line = Write(1024, 32 * 1024, ("a", new string('x', 1024)));

        Assert.Equal($$"""{"a":"{{new string('x', 1024)}}"}""" + "\n", line);
    }

    [Fact]
    public void Write_ValueOneOverTheFieldLimit_IsCutAndListed()
    {
        var line = Write(1024, 32 * 1024, ("a", new string('x', 1025)), ("b", "kept"));

        Assert.Equal($$"""{"a":"{{new string('x', 1024)}}","b":"kept","_truncated":["a"]}""" + "\n", line);
    }

    [Fact]
    public void Write_RecordExactlyAtTheCap_IsKeptWhole()
    {
        // {"a":"…"} plus the newline is the value's length plus 9 bytes.
        var line = Write(1_024_000, 1024, ("a", new string('x', 1015)));

        Assert.Equal(1024, Encoding.UTF8.GetByteCount(line));
        Assert.DoesNotContain(FieldNames.Truncated, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RecordOneByteOverTheCap_HalvesTheLongestValueAndListsIt()
    {
        var line = Write(1_024_000, 1024, ("a", new string('x', 1016)), ("b", "yy"));

        Assert.Equal($$"""{"a":"{{new string('x', 508)}}","b":"yy","_truncated":["a"]}""" + "\n", line);
    }

    [Fact]
    public void Write_EscapingMakesTheRecordTooBig_ShrinksUntilItFits()
    {
        // Each control character becomes a six-byte \u00XX escape.
        var line = Write(1_024_000, 1024, ("a", new string('\u0001', 1000)));

        Assert.True(Encoding.UTF8.GetByteCount(line) <= 1024);
        using var json = JsonDocument.Parse(line);
        Assert.Equal("a", json.RootElement.GetProperty(FieldNames.Truncated)[0].GetString());
    }

    [Fact]
    public void Write_CutAtASurrogatePair_NeverSplitsIt()
    {
        var line = Write(16, 32 * 1024, ("a", new string('x', 15) + "😀"));

        Assert.Equal($$"""{"a":"{{new string('x', 15)}}","_truncated":["a"]}""" + "\n", line);
    }

    [Fact]
    public void Write_FieldNamesAloneExceedTheCap_DropsFieldsAndSaysSo()
    {
        var fields = Enumerable.Range(0, 200).Select(i => ($"field_{i:D4}", "v")).ToArray();

        var line = Write(1024, 1024, fields);

        Assert.True(Encoding.UTF8.GetByteCount(line) <= 1024);
        using var json = JsonDocument.Parse(line);
        var truncated =
            json.RootElement.GetProperty(FieldNames.Truncated).EnumerateArray().Select(e => e.GetString()).ToList();
        var written = json.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != FieldNames.Truncated);
        Assert.All(
            fields.Select(f => f.Item1),
            name => Assert.True(written.Contains(name) || truncated.Contains(name) || truncated.Contains("*")));
    }

    [Fact]
    public void Write_NonStringFieldsTooBig_AreDroppedFromTheEnd()
    {
        var record = new RecordBuilder("unknown");
        for (var i = 0; i < 100; i++)
        {
            record.Set($"n{i:D3}", long.MaxValue);
        }

        using var writer = new RecordWriter(1024, 1024);
        using var written = writer.Write(record);

        Assert.True(written.Data.Length <= 1024);
        Assert.True(written.TruncatedFields > 0);
        using var json = JsonDocument.Parse(written.Data);
        Assert.Equal(long.MaxValue, json.RootElement.GetProperty("n000").GetInt64());
    }

    [Fact]
    public void Write_ReusedWriter_StartsEachRecordAfresh()
    {
        using var writer = new RecordWriter(1024, 32 * 1024);
        var first = new RecordBuilder("unknown");
        first.Set("a", "\uD800");
        var second = new RecordBuilder("unknown");
        second.Set("b", "ok");

        using var one = writer.Write(first);
        Assert.Equal(1, writer.InvalidTextReplaced);
        using var two = writer.Write(second);

        Assert.Equal("{\"a\":\"\uFFFD\"}\n", one.ToString());
        Assert.Equal("{\"b\":\"ok\"}\n", two.ToString());
        Assert.Equal(0, writer.InvalidTextReplaced);
    }

    [Fact]
    public void Write_WholeValueLongerThanTheFieldLimit_IsDroppedNotCut()
    {
        var record = new RecordBuilder("unknown");
        record.SetWhole("ip", "2001:db8:85a3:8d3:1319:8a2e:370:7348");
        record.Set("ua", new string('x', 40));

        using var writer = new RecordWriter(16, 1024);
        using var written = writer.Write(record);

        Assert.Equal($$"""{"ua":"{{new string('x', 16)}}","_truncated":["ip","ua"]}""" + "\n", written.ToString());
    }

    [Fact]
    public void Write_RecordOverTheCap_HalvesOtherValuesBeforeAWholeOne()
    {
        var record = new RecordBuilder("unknown");
        record.SetWhole("ip", "2001:db8:85a3:8d3:1319:8a2e:370:7348");
        for (var i = 0; i < 40; i++)
        {
            record.Set($"f{i:D2}", new string('x', 30));
        }

        using var writer = new RecordWriter(1024, 1024);
        using var written = writer.Write(record);

        using var json = JsonDocument.Parse(written.Data);
        Assert.Equal("2001:db8:85a3:8d3:1319:8a2e:370:7348", json.RootElement.GetProperty("ip").GetString());
        Assert.True(written.Data.Length <= 1024);
    }

    private static string Write(int maxFieldLength, int maxRecordBytes, params (string Name, string Value)[] fields)
    {
        var record = new RecordBuilder("unknown");
        foreach (var (name, value) in fields)
        {
            record.Set(name, value);
        }

        using var writer = new RecordWriter(maxFieldLength, maxRecordBytes);
        using var written = writer.Write(record);
        return written.ToString();
    }
}
