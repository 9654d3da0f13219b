using System.Globalization;
using Microsoft.Extensions.Options;

namespace TrackingPixel.Publishing.File;

/// <summary>
/// Appends records to <c>{Directory}/yyyy/MM/dd/HH/trackingpixel-{yyyyMMddHH}-{instance}.ndjson</c>, like Firehose's S3 prefixes.
/// </summary>
/// <remarks>
/// One call at a time holds the file, and every call is flushed to the operating system before it completes, so lines
/// are never interleaved and a crash of the process loses nothing already acknowledged. A write that fails part-way
/// (a full disk) closes the file; the next call starts on a fresh line, so a torn line never swallows a later record.
/// Each process writes its own file (the instance part of the name), so several processes can share the folder.
/// After disposal every call throws <see cref="ObjectDisposedException"/>, which sends its records to the
/// undelivered-record sink instead of losing them.
/// </remarks>
internal sealed class FilePublisher : IRecordPublisher, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _instance;
    private readonly TimeProvider _time;
    private FileStream? _stream;
    private DateTime _hour;
    private bool _disposed;

    public FilePublisher(IOptions<FilePublisherOptions> options, TimeProvider time)
    {
        Root = Path.GetFullPath(options.Value.Directory);
        _time = time;
        _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
    }

    /// <summary>Gets the absolute folder records land in.</summary>
    public string Root { get; }

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var stream = StreamFor(_time.GetUtcNow().UtcDateTime);
            try
            {
                // Once writing has begun it finishes: a cancelled half-written line would be a torn record.
                foreach (var record in records)
                {
                    await stream.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
                }

                await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                Close();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_stream is not null)
            {
                await _stream.DisposeAsync().ConfigureAwait(false);
                _stream = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        try
        {
            _disposed = true;
            _stream?.Dispose();
            _stream = null;
        }
        finally
        {
            _gate.Release();
        }
    }

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
            // The bytes the failed write left in the buffer cannot be written either; the caller reports the failure.
        }
        finally
        {
            _stream = null;
        }
    }
}
