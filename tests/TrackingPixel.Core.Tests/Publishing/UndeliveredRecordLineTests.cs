using System.Buffers;
using System.Text;
using System.Text.Json;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Publishing;

public class UndeliveredRecordLineTests
{
    private static readonly DateTimeOffset Time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"a":"1"}""" + "\n")]
    [InlineData("""{"ua":"q\"b\\n\n\u0001 é 😀","n":1.5,"x":null,"o":{"nested":[1,2]}}""" + "\n")]
    public void TryRead_LineWrittenByWrite_ReturnsTheSameBytes(string record)
    {
        var line = WriteLine(record, "throttled");

        Assert.True(UndeliveredRecordLine.TryRead(line, out var read));
        Assert.Equal(Encoding.UTF8.GetBytes(record), read);
    }

    [Fact]
    public void Write_Line_IsOneJsonObjectWithTheReasonAndTheRecord()
    {
        var line = WriteLine("""{"a":"1"}""" + "\n", "disk \"full\"");

        Assert.Equal((byte)'\n', line[^1]);
        Assert.Equal(1, line.Count(b => b == '\n'));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("disk \"full\"", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal("2024-05-01T12:00:00.000Z", json.RootElement.GetProperty("timestamp").GetString());
        Assert.Equal(
            "1", json.RootElement.GetProperty(UndeliveredRecordLine.RecordProperty).GetProperty("a").GetString());
    }

    [Fact]
    public void TryRead_LinePrefixedByLogMetadata_StillFindsTheRecord()
    {
        var line = Encoding.UTF8.GetBytes("2024-05-01T12:00:00Z abc-123 ERROR ")
            .Concat(WriteLine("""{"a":"1"}""", "x"))
            .ToArray();

        Assert.True(UndeliveredRecordLine.TryRead(line, out var read));
        Assert.Equal("""{"a":"1"}""" + "\n", Encoding.UTF8.GetString(read));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain log text")]
    [InlineData("""{"level":"INFO","message":"hello"}""")]
    [InlineData("""{"trackingPixelUndelivered":"not an object"}""")]
    [InlineData("""{"trackingPixelUndelivered":{"a":""")]
    public void TryRead_OtherOrBrokenLines_ReturnsFalse(string line)
    {
        Assert.False(UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(line), out var record));
        Assert.Empty(record);
    }

    [Fact]
    public void TryRead_LineCutAfterTheRecord_StillReturnsTheWholeRecord()
    {
        Assert.True(UndeliveredRecordLine.TryRead("""{"trackingPixelUndelivered":{"a":"1"},"rea"""u8, out var record));
        Assert.Equal("""{"a":"1"}""" + "\n", Encoding.UTF8.GetString(record));
    }

    private static byte[] WriteLine(string record, string reason)
    {
        var buffer = new ArrayBufferWriter<byte>();
        UndeliveredRecordLine.Write(Encoding.UTF8.GetBytes(record), reason, Time, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
