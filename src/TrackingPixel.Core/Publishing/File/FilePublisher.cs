using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.Win32.SafeHandles;

namespace TrackingPixel.Publishing;

/// <summary>
/// Appends records to <c>{Directory}/yyyy/MM/dd/HH/trackingpixel-{yyyyMMddHH}-{instance}.ndjson</c>, like Firehose's S3
/// prefixes.
/// </summary>
/// <remarks>
/// Each call is one batch of the pipeline's batching spine, written with one positional write straight to the operating
/// system (no buffer in the process), so a call completes only once its lines are in the file and a crash of the
/// process loses nothing already acknowledged. Calls are serialized, so lines never interleave. A write that fails
/// part-way (a full disk) is cut back to the length before the batch, so the file never holds a torn line and stays
/// valid NDJSON, and the call throws so its records go whole to the undelivered-record sink. After disposal every call
/// throws <see cref="ObjectDisposedException"/>, which sends its records to the sink too. Each process writes its own
/// file (the instance part of the name), so several processes can share the folder.
/// </remarks>
internal sealed partial class FilePublisher : IRecordPublisher, IDisposable
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly IRecordFileSystem _files;
    private string _instance = NewInstance();
    private SafeFileHandle? _file;
    private long _length;
    private DateTime _hour;
    private bool _disposed;

    public FilePublisher(IOptions<FilePublisherOptions> options, TimeProvider time, IRecordFileSystem? files = null)
    {
        Root = Path.GetFullPath(options.Value.Directory);
        _time = time;
        _files = files ?? RecordFileSystem.Instance;
    }

    /// <summary>
    /// Gets the limits: 1,024 records (Linux's IOV_MAX, so a batch is one system call) and 1 MiB per call.
    /// </summary>
    public PublisherLimits Limits { get; } = new(1024, 1024 * 1024);

    /// <summary>Gets the absolute folder records land in.</summary>
    public string Root { get; }

    /// <summary>Gets how many writes have been made; fewer than records means records shared a write.</summary>
    internal int Writes { get; private set; }

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(records);
            return ValueTask.CompletedTask;
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _file?.Dispose();
            _file = null;
        }
    }

    private void Write(IReadOnlyList<ReadOnlyMemory<byte>> records)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var file = FileFor(_time.GetUtcNow().UtcDateTime);
            var before = _length;
            try
            {
                _files.Write(file, records, before);
            }
            catch (Exception exception)
            {
                var cut = CutBack(file, before);
                throw new IOException(
                    $"Writing {records.Count} record(s) under {Root} failed: {exception.Message}; {cut}", exception);
            }

            foreach (var record in records)
            {
                _length += record.Length;
            }

            Writes++;
        }
    }

    /// <summary>Removes what a failed write left after the last whole line, and says what was done.</summary>
    private string CutBack(SafeFileHandle file, long length)
    {
        try
        {
            _files.SetLength(file, length);
            return "the file was cut back to its last whole line";
        }
        catch (Exception exception)
        {
            // The file may now end in a torn line: never append to it again, so every later line starts whole.
            Close();
            _instance = NewInstance();
            return $"cutting the file back failed too ({exception.Message}), so later records go to a new file";
        }
    }

    private SafeFileHandle FileFor(DateTime now)
    {
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        if (_file is not null && hour == _hour)
        {
            return _file;
        }

        Close();
        var stamp = hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        var folder = Path.Combine(Root, hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture));
        var file = _files.Open(Path.Combine(folder, $"trackingpixel-{stamp}-{_instance}.ndjson"));
        long length;
        try
        {
            length = RandomAccess.GetLength(file);
            if (length > 0 && !EndsWithNewline(file, length))
            {
                // Something else left a torn line: end it, so the next record starts whole on its own line.
                _files.Write(file, ["\n"u8.ToArray()], length);
                length++;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }

        (_file, _length, _hour) = (file, length, hour);
        return file;
    }

    private static bool EndsWithNewline(SafeFileHandle file, long length)
    {
        Span<byte> last = stackalloc byte[1];
        return RandomAccess.Read(file, last, length - 1) == 1 && last[0] == (byte)'\n';
    }

    private void Close()
    {
        _file?.Dispose();
        _file = null;
    }

    private static string NewInstance() => $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
}
