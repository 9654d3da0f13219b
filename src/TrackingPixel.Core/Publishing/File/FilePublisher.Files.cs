using System.Globalization;

namespace TrackingPixel.Publishing;

internal sealed partial class FilePublisher
{
    private FileStream StreamFor(DateTime now)
    {
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        if (_stream is not null && hour == _hour)
        {
            return _stream;
        }

        _stream?.Dispose();
        _stream = null;
        var folder = Path.Combine(Root, hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"trackingpixel-{hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}-{_instance}.ndjson");
        var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous);
        if (stream.Length > 0 && !EndsWithNewline(file))
        {
            // The last write failed part-way: end the torn line so the next record starts whole on its own line.
            stream.Write("\n"u8);
        }

        _stream = stream;
        _hour = hour;
        return stream;
    }

    private static bool EndsWithNewline(string file)
    {
        using var reader = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        reader.Seek(-1, SeekOrigin.End);
        return reader.ReadByte() == '\n';
    }

    private void Close()
    {
        try
        {
            _stream?.Dispose();
        }
        catch (IOException)
        {
            // The bytes the failed write left in the buffer cannot be written either; the callers report the failure.
        }
        finally
        {
            _stream = null;
        }
    }

    /// <summary>One call's records and its outcome; taken by exactly one writer or withdrawn by its cancelled caller.</summary>
    private sealed class Pending(IReadOnlyList<ReadOnlyMemory<byte>> records)
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private const int Withdrawn = 2;
        private int _state;

        public IReadOnlyList<ReadOnlyMemory<byte>> Records { get; } = records;

        public bool IsTaken => Volatile.Read(ref _state) == Taken;

        public Exception? Error { get; set; }

        public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

        public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued;
    }
}
