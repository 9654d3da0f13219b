using Microsoft.Win32.SafeHandles;

namespace TrackingPixel.Publishing;

/// <summary>The real file system: positional writes straight to the operating system, no buffer in between.</summary>
internal sealed class RecordFileSystem : IRecordFileSystem
{
    public static RecordFileSystem Instance { get; } = new();

    public SafeFileHandle Open(string path)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
    }

    // One gathered write (pwritev) per batch. Synchronous on purpose: on Linux the asynchronous overload runs this same
    // call on a thread-pool thread, so awaiting it would only add a thread hop per batch.
    public void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> records, long offset) =>
        RandomAccess.Write(file, records, offset);

    public void SetLength(SafeFileHandle file, long length) => RandomAccess.SetLength(file, length);
}
