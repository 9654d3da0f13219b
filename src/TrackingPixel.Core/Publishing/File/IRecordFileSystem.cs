using Microsoft.Win32.SafeHandles;

namespace TrackingPixel.Publishing;

/// <summary>The file operations the file publisher makes, behind a seam so tests can fill the disk part-way.</summary>
internal interface IRecordFileSystem
{
    /// <summary>Opens (creating it and its folder if needed) a file for reading and writing at explicit offsets.</summary>
    SafeFileHandle Open(string path);

    /// <summary>Writes the records back to back at <paramref name="offset"/>; may have written part of them when it throws.</summary>
    void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> records, long offset);

    /// <summary>Cuts the file to <paramref name="length"/> bytes.</summary>
    void SetLength(SafeFileHandle file, long length);
}
