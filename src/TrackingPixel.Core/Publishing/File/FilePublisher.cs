using System.Globalization;
using Microsoft.Extensions.Options;

namespace TrackingPixel.Publishing.File;

/// <summary>
/// Appends records to <c>{Directory}/yyyy/MM/dd/HH/trackingpixel-{yyyyMMddHH}-{instance}.ndjson</c>, like Firehose's S3 prefixes.
/// </summary>
/// <remarks>
/// One writer at a time holds the file, and every call is flushed to the operating system before it completes, so
/// lines are never interleaved or torn and a crash loses nothing already acknowledged. Each process writes its own
/// file (the instance part of the name), so several processes can share the folder.
/// </remarks>
internal sealed class FilePublisher : IRecordPublisher, IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _root;
    private readonly string _instance;
    private readonly TimeProvider _time;
    private FileStream? _stream;
    private DateTime _hour;

    public FilePublisher(IOptions<FilePublisherOptions> options, TimeProvider time)
    {
        _root = Path.GetFullPath(options.Value.Directory);
        _time = time;
        _instance = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
    }

    /// <summary>Gets the folder records land in.</summary>
    public string Root => _root;

    public ValueTask PublishAsync(ReadOnlyMemory<byte> record, CancellationToken cancellationToken) =>
        PublishAsync([record], cancellationToken);

    public async ValueTask PublishAsync(IReadOnlyList<ReadOnlyMemory<byte>> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = StreamFor(_time.GetUtcNow().UtcDateTime);

            // Once writing has begun it finishes: a cancelled half-written line would be a torn record.
            foreach (var record in records)
            {
                await stream.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
            }

            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
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
        var folder = Path.Combine(_root, hour.ToString("yyyy/MM/dd/HH", CultureInfo.InvariantCulture));
        System.IO.Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"trackingpixel-{hour.ToString("yyyyMMddHH", CultureInfo.InvariantCulture)}-{_instance}.ndjson");
        _stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous);
        _hour = hour;
        return _stream;
    }
}
