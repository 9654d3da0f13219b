using Microsoft.Win32.SafeHandles;
using TrackingPixel.Publishing;

namespace TrackingPixel.Tests.Support;

/// <summary>
/// Real files on a disk that fills up after <paramref name="capacity"/> bytes: a write past it stops part-way.
/// </summary>
/// <remarks>
/// Like a full disk, the bytes that fit are written before the error, so a careless writer leaves a torn line.
/// </remarks>
internal sealed class FillingFileSystem(long capacity) : IRecordFileSystem
{
    private long _used;

    public int FailedWrites { get; private set; }

    public SafeFileHandle Open(string path) => RecordFileSystem.Instance.Open(path);

    public void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> records, long offset)
    {
        foreach (var record in records)
        {
            var room = (int)Math.Min(record.Length, capacity - _used);
            RandomAccess.Write(file, record.Span[..room], offset);
            _used += room;
            offset += room;
            if (room < record.Length)
            {
                FailedWrites++;
                throw new IOException("No space left on device");
            }
        }
    }

    // Shrinking a file frees its blocks, as on a real disk.
    public void SetLength(SafeFileHandle file, long length)
    {
        _used -= RandomAccess.GetLength(file) - length;
        RecordFileSystem.Instance.SetLength(file, length);
    }
}
