
namespace TrackingPixel.Tests.Records;

public class PooledBufferWriterTests
{
    [Fact]
    public void GetSpan_BeyondTheCurrentArray_ReturnsSpaceInTheGrownArrayAndKeepsWhatWasWritten()
    {
        using var writer = new PooledBufferWriter();
        writer.GetSpan(3)[..3].Fill((byte)'a');
        writer.Advance(3);

        var span = writer.GetSpan(100_000);
        Assert.True(span.Length >= 100_000);
        span[..100_000].Fill((byte)'b');
        writer.Advance(100_000);

        Assert.Equal(100_003, writer.WrittenCount);
        Assert.Equal("aaab"u8.ToArray(), writer.WrittenSpan[..4].ToArray());
        Assert.Equal((byte)'b', writer.WrittenSpan[^1]);
    }

    [Fact]
    public void GetMemory_BeyondTheCurrentArray_ReturnsMemoryInTheGrownArray()
    {
        using var writer = new PooledBufferWriter();

        var memory = writer.GetMemory(50_000);
        memory.Span[..50_000].Fill((byte)'c');
        writer.Advance(50_000);

        Assert.Equal(50_000, writer.WrittenSpan.Length);
        Assert.True(writer.WrittenSpan.IndexOfAnyExcept((byte)'c') < 0);
    }

    [Fact]
    public void Detach_HandsOffTheFilledArrayAndStartsEmpty()
    {
        using var writer = new PooledBufferWriter();
        "abc"u8.CopyTo(writer.GetSpan(3));
        writer.Advance(3);

        var array = writer.Detach(out var length);

        Assert.Equal("abc"u8.ToArray(), array.AsSpan(0, length).ToArray());
        Assert.Equal(0, writer.WrittenCount);
        System.Buffers.ArrayPool<byte>.Shared.Return(array);
    }
}
