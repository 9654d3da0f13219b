using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrackingPixel.Lambda.Hosting;
using TrackingPixel.Lambda.Logging;
using TrackingPixel.Lambda.Tests.Support;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.Tests.Hosting;

/// <summary>The host with several invocation loops (Lambda Managed Instances), against the fake Runtime API.</summary>
[Collection(HostCollection.Name)]
public partial class ConcurrentHostTests
{
    private const int Loops = 32;

    [Fact]
    public async Task RunAsync_MaxConcurrency32_ServesThirtyTwoAtOnceAndAsksAgainOnlyOnceTheirRecordsAreStored()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var run = await HostRun.StartAsync(options: o => o.MaxConcurrency = Loops);
        run.Publisher.Gate = gate.Task;
        Enqueue(run, 2 * Loops);

        await Eventually.TrueAsync(() => run.Api.Posts("/response").Count == Loops, "32 responses posted");
        await Task.Delay(200);

        // Every loop has answered its pixel and is waiting for its record to be stored: none asks for more.
        Assert.Equal(Loops, run.Api.Posts("/response").Count);
        Assert.Equal(Loops, Gets(run).Count);
        Assert.Empty(run.Publisher.Records);
        gate.SetResult();
        await run.StopWhenWaitingAsync(2 * Loops + Loops);

        Assert.Equal(Expected(2 * Loops), run.Publisher.Records.Order(StringComparer.Ordinal));
        Assert.Empty(run.Sink.Records);
    }

    [Fact]
    public async Task RunAsync_InvocationsReleasedTogether_ShareOnePublisherCallOnceEveryLoopsRecordHasJoined()
    {
        // The user's batching options win over the host's: the longest idle linger makes the gathering independent of
        // the machine's speed, and the host's MaxCallers sends each batch as soon as all 32 loops' records are in it.
        await using var run = await HostRun.StartAsync(
            (services, r) =>
            {
                Some.StandardPixel(services, r.Publisher, r.Sink);
                services.Configure<TrackingPixelOptions>(o => o.Batching.IdleLinger = RecordBatchingOptions.MaxLinger);
            },
            options: o => o.MaxConcurrency = Loops);
        Enqueue(run, 3 * Loops);

        await run.StopWhenWaitingAsync(3 * Loops + Loops);

        Assert.Equal([Loops, Loops, Loops], run.Publisher.Calls.GroupBy(c => c.Call).Select(g => g.Count()));
        Assert.Equal(Expected(3 * Loops), run.Publisher.Records.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(32, 20, 32)]
    public void Build_ConcurrentMode_GathersRecordsOfAnIdlePublisherAndStandardModeNeverWaits(
        int concurrency, int idleLingerMs, int maxCallers)
    {
        using var logs = new LambdaLoggerProvider(
            new LambdaLogContext(), json: true, TextWriter.Null, TimeProvider.System);
        using var services = PixelServices.Build(
            s => Some.StandardPixel(s, new RecordingPublisher()), logs, LogLevel.Information, concurrency);

        var batching = services.GetRequiredService<IOptions<TrackingPixelOptions>>().Value.Batching;

        Assert.Equal(TimeSpan.FromMilliseconds(idleLingerMs), batching.IdleLinger);
        Assert.Equal(maxCallers, batching.MaxCallers);
    }

    [Fact]
    public async Task RunAsync_SlowPublisher_NoLoopAsksForAnEventBeforeItsRecordIsStored()
    {
        const int events = 200;
        await using var run = await HostRun.StartAsync(options: o => o.MaxConcurrency = Loops);
        run.Publisher.Delay = TimeSpan.FromMilliseconds(5);
        Enqueue(run, events);

        await run.StopWhenWaitingAsync(events + Loops);

        // Loop k's n-th GET follows the storing of its (n-1)-th record, so no GET can be ahead of the stored records
        // by more than one per loop.
        var stored = run.Publisher.Calls.Select(c => c.EndTick).Order().ToArray();
        var gets = Gets(run).Select(g => g.Tick).Order().ToArray();
        for (var i = 0; i < gets.Length; i++)
        {
            var storedBefore = stored.Count(t => t < gets[i]);
            Assert.True(i + 1 <= Loops + storedBefore, $"GET #{i + 1} came with only {storedBefore} records stored");
        }

        Assert.Equal(Expected(events), run.Publisher.Records.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ConcurrentInvocations_EachLogLineNamesItsOwnRequestAndTheProcessTraceIdIsLeftAlone()
    {
        const int events = 4 * Loops;
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", "Root=1-process-wide");
        await using var run = await HostRun.StartAsync(
            configure: (services, r) =>
            {
                Some.StandardPixel(services, r.Publisher, r.Sink);
                services.AddTrackingPixel().AddExtractor<LoggingExtractor>();
            },
            options: o => o.MaxConcurrency = Loops);
        run.Publisher.Delay = TimeSpan.FromMilliseconds(2);
        Enqueue(run, events);

        await run.StopWhenWaitingAsync(events + Loops);

        var seen = Lines(run).Where(l => Message(l).StartsWith("saw ", StringComparison.Ordinal)).ToList();
        Assert.Equal(events, seen.Count);
        Assert.All(seen, l => Assert.Equal(
            "id-" + Message(l)["saw user-".Length..],
            l.GetProperty("requestId").GetString()));
        Assert.All(run.Publisher.Calls, c => Assert.Equal("Root=1-process-wide", c.TraceId));
        Assert.Equal("Root=1-process-wide", Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID"));
    }

    [Fact]
    public async Task RunAsync_SigtermUnderLoad_StopsAskingAndEveryRecordTakenIsStoredOnce()
    {
        const int events = 400;
        await using var run = await HostRun.StartAsync(options: o => o.MaxConcurrency = Loops);
        run.Publisher.Delay = TimeSpan.FromMilliseconds(5);
        Enqueue(run, events);
        await Eventually.TrueAsync(() => run.Api.Posts("/response").Count >= 100, "100 responses posted");

        Assert.Equal(0, await run.TerminateAsync());

        var answered = run.Api.Posts("/response")
            .Select(p => int.Parse(p.Path.Split('/')[^2]["id-".Length..], CultureInfo.InvariantCulture));
        var expected = answered.Select(Some.RecordFor).Order(StringComparer.Ordinal);
        var kept = run.Publisher.Records.Concat(run.Sink.Records.Select(r => r.Record)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, kept);
        Assert.True(answered.Count() < events, "the host stopped before the queue ran dry");
        Assert.Contains(Lines(run), l => Message(l).Contains("SIGTERM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_SigtermWhilePublishingHangs_RecordsGoWholeToTheSinkWithinTheGracePeriod()
    {
        await using var run = await HostRun.StartAsync(options: o =>
            (o.MaxConcurrency, o.ShutdownGracePeriod) = (Loops, TimeSpan.FromMilliseconds(300)));
        run.Publisher.Gate = new TaskCompletionSource().Task;
        Enqueue(run, Loops);
        await Eventually.TrueAsync(() => run.Api.Posts("/response").Count == Loops, "32 responses posted");

        var terminated = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(0, await run.TerminateAsync());

        Assert.True(terminated.Elapsed < TimeSpan.FromSeconds(10), $"exited {terminated.Elapsed} after SIGTERM");
        Assert.Empty(run.Publisher.Records);
        Assert.Equal(Expected(Loops), run.Sink.Records.Select(r => r.Record).Order(StringComparer.Ordinal));
        Assert.All(run.Sink.Records, r => Assert.Equal("publishing ran out of time", r.Reason));
    }

    [Fact]
    public async Task RunAsync_RuntimeApiFailsForOneLoop_TheOthersStopAndTheHostExitsWithOne()
    {
        await using var run = await HostRun.StartAsync(options: o => o.MaxConcurrency = 4);
        Enqueue(run, 3);

        // The failure goes out once all three events are answered: handed out together, the 500 could stop a loop
        // whose GET for an event was still being read, and that event would never be handled.
        await Eventually.TrueAsync(() => run.Api.Posts("/response").Count == 3, "3 responses posted");
        run.Api.EnqueueFailure(500);

        Assert.Equal(1, await run.ExitCodeAsync());

        Assert.Equal(Expected(3), run.Publisher.Records.Order(StringComparer.Ordinal));
    }

    internal static void Enqueue(HostRun run, int count)
    {
        for (var i = 0; i < count; i++)
        {
            run.Api.Enqueue(Some.EventFor(i), $"id-{i}");
        }
    }

    internal static IEnumerable<string> Expected(int count) =>
        Enumerable.Range(0, count).Select(Some.RecordFor).Order(StringComparer.Ordinal);

    private static List<FakeRuntimeApi.Call> Gets(HostRun run) => [.. run.Api.Calls.Where(c => c.Method == "GET")];

    private static string Message(JsonElement line) => line.GetProperty("message").GetString()!;

    private static List<JsonElement> Lines(HostRun run) =>
        [.. run.Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    /// <summary>Logs the user of each request it sees, from inside the invocation that handles it.</summary>
    private sealed partial class LoggingExtractor(ILogger<LoggingExtractor> logger) : IFieldExtractor
    {
        public IEnumerable<FieldDescriptor> DescribeFields() => [];

        public void Extract(PixelRequest request, RecordBuilder record) =>
            Saw(logger, request.Query.TryGetValue("userid", out var user) ? user : "nobody");

        [LoggerMessage(1, LogLevel.Information, "saw {User}")]
        private static partial void Saw(ILogger logger, string user);
    }
}
