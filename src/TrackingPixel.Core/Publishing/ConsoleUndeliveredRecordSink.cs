using System.Text;

namespace TrackingPixel.Publishing;

/// <summary>Writes each undelivered record as one <see cref="UndeliveredRecordLine"/> on standard output.</summary>
internal sealed class ConsoleUndeliveredRecordSink(
    TimeProvider time, TextWriter? output = null) : IUndeliveredRecordSink
{
    public void Write(ReadOnlySpan<byte> record, string reason)
    {
        using var buffer = new PooledBufferWriter();
        UndeliveredRecordLine.Write(record, reason, time.GetUtcNow(), buffer);

        // One string per line through the synchronized Console.Out, so concurrent lines never interleave.
        (output ?? Console.Out).Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
