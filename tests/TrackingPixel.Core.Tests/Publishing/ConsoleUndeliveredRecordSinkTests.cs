using System.Text;
using Microsoft.Extensions.Time.Testing;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Publishing;

public class ConsoleUndeliveredRecordSinkTests
{
    [Fact]
    public void Write_Record_WritesOneLineThatReplaysToTheSameBytes()
    {
        var output = new StringWriter();
        var sink = new ConsoleUndeliveredRecordSink(
            new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)), output);
        var record = "{\"userAgent\":\"é \\\"q\\\"\"}\n"u8.ToArray();

        sink.Write(record, "throttled");

        var line = output.ToString();
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Equal(1, line.Count(c => c == '\n'));
        Assert.True(UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(line), out var replayed));
        Assert.Equal(record, replayed);
    }
}
