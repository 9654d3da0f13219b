using System.Buffers;
using System.Text;

namespace TrackingPixel.Aws;

/// <summary>
/// A growable UTF-8 buffer on a pooled array, so building the canonical request allocates nothing per call.
/// </summary>
internal ref struct ByteBuffer
{
    private byte[] _array;
    private int _length;

    public ByteBuffer(int capacity)
    {
        _array = ArrayPool<byte>.Shared.Rent(capacity);
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<byte> Written => _array.AsSpan(0, _length);

    public readonly ReadOnlySpan<byte> Slice(int start) => _array.AsSpan(start, _length - start);

    public void Append(byte value)
    {
        Ensure(1);
        _array[_length++] = value;
    }

    public void Append(scoped ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_array.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _array.AsSpan(_length));
    }

    public readonly void Dispose() => ArrayPool<byte>.Shared.Return(_array);

    private void Ensure(int extra)
    {
        if (_length + extra <= _array.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, _length + extra));
        _array.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }
}
