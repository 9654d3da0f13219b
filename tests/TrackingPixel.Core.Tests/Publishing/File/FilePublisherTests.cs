using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
        using var publisher = Create();

        await publisher.PublishAsync(Line(1), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "2024", "05", "01", "12")));
        Assert.Matches(@"trackingpixel-2024050112-[0-9a-f-]{16}\.ndjson$", file);
        Assert.Equal(Text(1), TempDirectory.ReadShared(file));
        Assert.Equal(Path.GetFullPath(_dir.Path), publisher.Root);
    }

    [Fact]
    public async Task PublishAsync_NextHour_StartsANewFileInItsFolder()
    {
        using var publisher = Create();
        await publisher.PublishAsync(Line(1), CancellationToken.None);

        _time.Now = _time.Now.AddHours(1);
        await publisher.PublishAsync(Line(2), CancellationToken.None);

        Assert.Equal(
            Text(2),
            TempDirectory.ReadShared(
                Assert.Single(Directory.GetFiles(Path.Combine(_dir.Path, "2024", "05", "01", "13")))));
        Assert.Equal([Text(1), Text(2)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_Batch_WritesEveryRecordInOrder()
    {
        using var publisher = Create();

        await publisher.PublishAsync([Line(1), Line(2), Line(3)], CancellationToken.None);

        Assert.Equal([Text(1), Text(2), Text(3)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_ThousandConcurrentCalls_WriteThousandIntactLinesEachFlushedBeforeItCompletes()
    {
        using var publisher = Create();
        var notVisible = 0;

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 64 };
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), parallel, async (i, ct) =>
        {
            await publisher.PublishAsync(Line(i), ct);
            if (i % 50 == 0
                && !TempDirectory
                    .ReadShared(Directory.GetFiles(_dir.Path, "*.ndjson", SearchOption.AllDirectories)[0])
                    .Contains(Text(i), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref notVisible);
            }
        });

        var lines = _dir.Lines();
        Assert.Equal(0, notVisible);
        Assert.Equal(1000, lines.Count);
        Assert.Equal(
            Enumerable.Range(0, 1000).Select(Text).Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.InRange(publisher.Writes, 1, 1000);
    }

    [Fact]
    public async Task PublishAsync_AfterDispose_ThrowsSoTheRecordGoesToTheSink()
    {
        var publisher = Create();
        await publisher.PublishAsync(Line(1), CancellationToken.None);

        publisher.Dispose();
        publisher.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => publisher.PublishAsync(Line(2), CancellationToken.None).AsTask());
        Assert.Equal([Text(1)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_FileEndsInATornLine_StartsTheNextRecordOnAFreshLine()
    {
        using var publisher = Create();
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
        using var publisher = new FilePublisher(
            Options.Create(new FilePublisherOptions { Directory = blocked }), _time);

        await Assert.ThrowsAnyAsync<IOException>(
            () => publisher.PublishAsync(Line(1), CancellationToken.None).AsTask());
        System.IO.File.Delete(blocked);
        await publisher.PublishAsync(Line(2), CancellationToken.None);

        Assert.Equal([Text(2)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_DiskFillsMidWrite_CutsTheFileBackToItsLastWholeLineAndThrows()
    {
        var disk = new FillingFileSystem(capacity: Text(1).Length + 3);
        using var publisher = Create(disk);
        await publisher.PublishAsync(Line(1), CancellationToken.None);

        var failed = await Assert.ThrowsAsync<IOException>(
            () => publisher.PublishAsync([Line(2), Line(3)], CancellationToken.None).AsTask());

        Assert.Equal(1, disk.FailedWrites);
        Assert.Contains("cut back to its last whole line", failed.Message, StringComparison.Ordinal);
        Assert.Equal([Text(1)], _dir.Lines());
    }

    [Fact]
    public async Task PublishAsync_DiskFullThenFreed_LaterRecordsFollowTheLastWholeLine()
    {
        var disk = new FillingFileSystem(capacity: Text(1).Length + 3);
        using var publisher = Create(disk);
        await publisher.PublishAsync(Line(1), CancellationToken.None);
        await Assert.ThrowsAsync<IOException>(() => publisher.PublishAsync(Line(2), CancellationToken.None).AsTask());

        // The torn bytes were cut off and freed, so a record that fits in what is left now goes in whole.
        await publisher.PublishAsync(Encoding.UTF8.GetBytes("{}\n"), CancellationToken.None);

        Assert.Equal([Text(1), "{}\n"], _dir.Lines());
    }

    [Fact]
    public async Task Pipeline_DiskFillsDuringConcurrentLoad_EveryRecordIsInTheFileOnceWholeOrInTheSinkOnce()
    {
        const int count = 600;
        var disk = new FillingFileSystem(capacity: 3_000);
        var sink = new CollectingSink();
        var services = new ServiceCollection();
        services.AddTrackingPixel().AddQueryField("n", "n").UseUndeliveredRecordSink(sink)
            .UsePublisher(_ => Create(disk));
        var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<PixelPipeline>();

        var outcomes = new PublishOutcome[count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32 };
        await Parallel.ForEachAsync(Enumerable.Range(0, count), parallel, async (i, ct) =>
        {
            using var record = pipeline.Collect(Some.Request($"n={i}&pad={new string('x', i % 50)}"))!;
            outcomes[i] = await pipeline.PublishAsync(record, ct);
        });
        await provider.DisposeAsync();

        var stored = _dir.Lines();
        Assert.All(stored, line => Assert.EndsWith("}\n", line, StringComparison.Ordinal));
        Assert.All(stored, line => JsonDocument.Parse(line).Dispose());
        var storedIds = stored.Select(IdOf).ToList();
        var keptIds = sink.Records.Select(r => IdOf(r.Record)).ToList();
        Assert.True(disk.FailedWrites > 0 && storedIds.Count > 0, "the disk should have filled part-way through");
        Assert.Equal(Enumerable.Range(0, count), storedIds.Concat(keptIds).Order());
        Assert.Equal(storedIds.Order(), Enumerable.Range(0, count).Where(i => outcomes[i] == PublishOutcome.Published));
        Assert.Equal(keptIds.Order(), Enumerable.Range(0, count).Where(i => outcomes[i] == PublishOutcome.Undelivered));
    }

    public void Dispose()
    {
        _time.Release();
        _time.Dispose();
        _dir.Dispose();
    }

    private FilePublisher Create(IRecordFileSystem? files = null) =>
        new(Options.Create(new FilePublisherOptions { Directory = _dir.Path }), _time, files);

    private static int IdOf(string record)
    {
        using var json = JsonDocument.Parse(record);
        return int.Parse(json.RootElement.GetProperty("n").GetString()!, CultureInfo.InvariantCulture);
    }

    private static ReadOnlyMemory<byte> Line(int n) => Encoding.UTF8.GetBytes(Text(n));

    private static string Text(int n) => $$"""{"n":{{n}}}""" + "\n";
}
