using System.Buffers;

namespace TrackingPixel;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool, whose filled array can be handed off.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int InitialSize = 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public void Clear() => WrittenCount = 0;

    public void Advance(int count) => WrittenCount += count;

    // Reserve first: it may swap _buffer, and `_buffer.AsMemory(Reserve(...))` would read the old, returned array.
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    /// <summary>
    /// Hands the filled array to the caller, who returns it to the pool, and starts over with a fresh one.
    /// </summary>
    public byte[] Detach(out int length)
    {
        var filled = _buffer;
        length = WrittenCount;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(InitialSize, length));
        WrittenCount = 0;
        return filled;
    }

    /// <summary>Returns the current array to the pool; the writer must not be used afterwards.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        WrittenCount = 0;
    }

    private int Reserve(int sizeHint)
    {
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
            _buffer.AsSpan(0, WrittenCount).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        return WrittenCount;
    }
}
