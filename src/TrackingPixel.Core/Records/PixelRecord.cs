using System.Buffers;
using System.Text;

namespace TrackingPixel;

/// <summary>
/// One written record: a UTF-8 JSON object followed by <c>"\n"</c>, in a pooled buffer returned on
/// <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// The bytes are exactly what a publisher sends or stores, so newline-delimited files and Firehose objects in S3
/// come out as one JSON object per line. Do not use <see cref="Data"/> after disposing the record.
/// </remarks>
public sealed class PixelRecord : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    internal PixelRecord(byte[] rentedBuffer, int length, int truncatedFields)
    {
        _buffer = rentedBuffer;
        _length = length;
        TruncatedFields = truncatedFields;
    }

    /// <summary>Gets the record's bytes: one JSON object and its terminating newline.</summary>
    /// <exception cref="ObjectDisposedException">The record has been disposed.</exception>
    public ReadOnlyMemory<byte> Data
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer is null, this);
            return _buffer.AsMemory(0, _length);
        }
    }

    /// <summary>Gets the number of fields whose values were cut to fit the configured limits.</summary>
    public int TruncatedFields { get; }

    /// <summary>Returns the record's buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns the record as text, newline included.</summary>
    /// <returns>The decoded JSON line.</returns>
    public override string ToString() => Encoding.UTF8.GetString(Data.Span);
}
