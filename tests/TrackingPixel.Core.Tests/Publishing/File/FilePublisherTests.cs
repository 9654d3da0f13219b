using System.Text;
using Microsoft.Extensions.Options;
using TrackingPixel.Publishing;
using TrackingPixel.Tests.Support;

namespace TrackingPixel.Tests.Publishing.File;

public sealed class FilePublisherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _dir = new();
    private readonly GatedTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 12, 34, 56, TimeSpan.Zero));

    [Fact]
    public async Task PublishAsync_OneRecord_AppendsItUnderTheUtcHourFolder()
    {
        await using var publisher = Create();

        await publisher.PublishAsync(Line(1), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "2024", "05", "01", "12")));
        Assert.Matches(@"trackingpixel-2024050112-[0-9a-f-]{16}\.ndjson$", file);
        Assert.Equal(Text(1), TempDirectory.ReadShared(file));
        Assert.Equal(Path.GetFullPath(_dir.Path), publisher.Root);
    }

    [Fact]
    public async Task PublishAsync_NextHour_StartsANewFileInItsFolder()
    {
        await using var publisher = Create();
        await publisher.PublishAsync(Line(1), CancellationToken.None);

        _time.Now = _time.Now.AddHours(1);
        await publisher.PublishAsync(Line(2), CancellationToken.None);

        Assert.Equal(Text(2), TempDirectory.ReadShared(Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "2024", "05", "01", "13")))));
        Assert.Equal([Text(1), Text(2)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_Batch_WritesEveryRecordInOrder()
    {
        await using var publisher = Create();

        await publisher.PublishAsync([Line(1), Line(2), Line(3)], CancellationToken.None);

        Assert.Equal([Text(1), Text(2), Text(3)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_CallsQueuedWhileTheFileIsBusy_AreWrittenWithOneFlush()
    {
        await using var publisher = Create();
        _time.Hold();
        var first = Task.Run(() => publisher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await _time.Entered.WaitAsync(Timeout);

        var queued = Enumerable.Range(1, 10).Select(i => publisher.PublishAsync(Line(i), CancellationToken.None).AsTask()).ToArray();
        Assert.Equal(11, publisher.Queued);
        _time.Release();
        await Task.WhenAll([first, .. queued]).WaitAsync(Timeout);

        Assert.Equal(1, publisher.Flushes);
        Assert.Equal(Enumerable.Range(0, 11).Select(Text), _dir.Lines().OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_CancelledWhileQueued_IsWithdrawnAndNeverWritten()
    {
        await using var publisher = Create();
        _time.Hold();
        var first = Task.Run(() => publisher.PublishAsync(Line(0), CancellationToken.None).AsTask());
        await _time.Entered.WaitAsync(Timeout);
        using var cancel = new CancellationTokenSource();
        var second = publisher.PublishAsync(Line(1), cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Timeout));
        _time.Release();
        await first.WaitAsync(Timeout);

        Assert.Equal([Text(0)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_ThousandConcurrentCalls_WriteThousandIntactLinesEachFlushedBeforeItCompletes()
    {
        await using var publisher = Create();
        var notVisible = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
        {
            await publisher.PublishAsync(Line(i), ct);
            if (i % 50 == 0 && !TempDirectory.ReadShared(Directory.GetFiles(_dir.Path, "*.ndjson", SearchOption.AllDirectories)[0]).Contains(Text(i), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref notVisible);
            }
        });

        var lines = _dir.Lines();
        Assert.Equal(0, notVisible);
        Assert.Equal(1000, lines.Count);
        Assert.Equal(Enumerable.Range(0, 1000).Select(Text).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.True(publisher.Flushes <= 1000);
    }

    [Fact]
    public async Task PublishAsync_AfterDispose_ThrowsSoTheRecordGoesToTheSink()
    {
        var publisher = Create();
        await publisher.PublishAsync(Line(1), CancellationToken.None);

        await publisher.DisposeAsync();
        publisher.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => publisher.PublishAsync(Line(2), CancellationToken.None).AsTask());
        Assert.Equal([Text(1)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_FileEndsInATornLine_StartsTheNextRecordOnAFreshLine()
    {
        await using var publisher = Create();
        await publisher.PublishAsync(Line(1), CancellationToken.None);
        var file = Directory.GetFiles(_dir.Path, "*.ndjson", SearchOption.AllDirectories)[0];
        using (var torn = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
        {
            torn.Write("{\"torn"u8);
        }

        // Moving to another hour and back makes the publisher reopen the first file.
        _time.Now = _time.Now.AddHours(1);
        await publisher.PublishAsync(Line(2), CancellationToken.None);
        _time.Now = _time.Now.AddHours(-1);
        await publisher.PublishAsync(Line(3), CancellationToken.None);

        Assert.Equal(Text(1) + "{\"torn\n" + Text(3), TempDirectory.ReadShared(file));
    }

    [Fact]
    public async Task PublishAsync_FolderCannotBeCreated_FailsAndNeverWritesThoseRecordsLater()
    {
        var blocked = Path.Combine(_dir.Path, "blocked");
        await System.IO.File.WriteAllTextAsync(blocked, "a file where the folder should be");
        await using var publisher = new FilePublisher(Options.Create(new FilePublisherOptions { Directory = blocked }), _time);

        await Assert.ThrowsAnyAsync<IOException>(() => publisher.PublishAsync(Line(1), CancellationToken.None).AsTask());
        System.IO.File.Delete(blocked);
        await publisher.PublishAsync(Line(2), CancellationToken.None);

        Assert.Equal([Text(2)], _dir.Lines());
    }

    public void Dispose()
    {
        _time.Release();
        _time.Dispose();
        _dir.Dispose();
    }

    private FilePublisher Create() => new(Options.Create(new FilePublisherOptions { Directory = _dir.Path }), _time);

    private static ReadOnlyMemory<byte> Line(int n) => Encoding.UTF8.GetBytes(Text(n));

    private static string Text(int n) => $$"""{"n":{{n}}}""" + "\n";
}
