using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrackingPixel.Publishing;
using static System.StringComparison;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// The bootstrap serving <c>AWS_LAMBDA_MAX_CONCURRENCY</c> invocations at once (Lambda Managed Instances), or one at
/// a time without it (standard Lambda), against the fake Runtime API (which serves concurrent <c>GET next</c>) and a
/// loopback Firehose that takes a while per call, as an in-region call does. Every event is queued before the
/// process starts, so events are offered as fast as the runtime asks. Reports Firehose requests and billed 5 KB
/// units per 1,000 pixels, pixels per request, pixel latency (event handed out to response posted), and checks that
/// every record arrived byte for byte, once. Ends the process with a real SIGTERM, which must exit 0 and leave
/// nothing undelivered.
/// </summary>
internal static class ConcurrentLoop
{
    private const string Stream = "pixels";
    private const string Fixture = "http-api-v2.json";

    public static async Task<int> RunAsync(string bootstrap, int pixels, int concurrency, TimeSpan latency)
    {
        var template = Encoding.UTF8.GetString(Check.Fixture(Fixture));
        var record = Encoding.UTF8.GetString(Check.ExpectedRecord(Fixture));
        var events = Enumerable.Range(0, pixels)
            .Select(i => (Id(i), Encoding.UTF8.GetBytes(template.Replace("aws_user", User(i), Ordinal))))
            .ToArray();
        var expected = Enumerable.Range(0, pixels)
            .Select(i => record.Replace("\"userId\":\"aws_user\"", $"\"userId\":\"{User(i)}\"", Ordinal) + "\n")
            .Order(StringComparer.Ordinal)
            .ToList();

        var failures = new List<string>();
        await using var firehose = await LoopbackFirehose.StartAsync(Stream, null, latency, keepLines: true);
        var environment = WarmLoop.FirehoseEnvironment(firehose.Url);
        environment["AWS_LAMBDA_MAX_CONCURRENCY"] = concurrency > 1 ? Text(concurrency) : null;
        await using var run = await BootstrapProcess.StartAsync(bootstrap, events, environment);
        var started = Stopwatch.GetTimestamp();
        if (await AllStoredAsync(run, firehose, pixels) is { } stuck)
        {
            failures.Add(stuck);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var peakRssKib = run.Exited.IsCompleted ? 0 : run.PeakRssKib();
        var exitCode = await TerminateAsync(run);
        if (exitCode != 0)
        {
            failures.Add($"the bootstrap exited {(exitCode is { } code ? Text(code) : "late")} on SIGTERM");
        }

        var received = firehose.ReceivedLines.Select(l => Encoding.UTF8.GetString(l)).Order(StringComparer.Ordinal)
            .ToList();
        var duplicates = received.Count - received.Distinct().Count();
        var missing = expected.Except(received).Count();
        if (missing > 0 || duplicates > 0 || received.Count != pixels)
        {
            failures.Add($"{missing} records lost or altered, {duplicates} duplicated, {received.Count} received " +
                $"for {pixels} pixels");
        }

        var undelivered = run.Output().Count(l => UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(l), out _));
        if (undelivered > 0)
        {
            failures.Add($"{undelivered} records went to the undelivered-record log");
        }

        failures.AddRange(firehose.Problems.Take(5).Select(p => "Firehose: " + p));
        foreach (var failure in failures)
        {
            Console.Error.WriteLine($"FAIL {failure}");
        }

        var requests = firehose.PutRecordCalls + firehose.PutRecordBatchCalls;
        var latencies = Latencies(run, pixels);
        var perRequest = firehose.LinesPerCall;
        var mode = concurrency > 1
            ? $"concurrent mode, AWS_LAMBDA_MAX_CONCURRENCY={concurrency}"
            : "standard mode, no AWS_LAMBDA_MAX_CONCURRENCY";
        Report($"{mode}: {pixels} pixels offered at once, " +
            $"loopback Firehose answering after {latency.TotalMilliseconds:F0} ms");
        Report($"  Firehose          {requests} requests ({firehose.PutRecordCalls} PutRecord, " +
            $"{firehose.PutRecordBatchCalls} PutRecordBatch), {firehose.Records} Firehose records, " +
            $"{firehose.BilledUnits} billed 5 KB units");
        Report($"  per 1,000 pixels  {requests * 1000.0 / pixels:F1} requests, " +
            $"{firehose.BilledUnits * 1000.0 / pixels:F1} billed 5 KB units");
        Report($"  pixels/request    mean {(double)firehose.Lines / Math.Max(1, requests):F1}, " +
            $"max {(perRequest.Count > 0 ? perRequest.Max() : 0)}");
        Report($"  pixel latency     p50 {Percentile(latencies, 0.50):F2} ms, " +
            $"p99 {Percentile(latencies, 0.99):F2} ms, " +
            $"max {Percentile(latencies, 1.0):F2} ms (event handed out -> response posted)");
        Report($"  throughput        {pixels / elapsed.TotalSeconds:F0} pixels/s " +
            $"({elapsed.TotalSeconds:F2} s to the last record stored); peak RSS {peakRssKib / 1024.0:F1} MiB");
        Report($"  delivery          {received.Distinct().Count()} of {pixels} records byte for byte, " +
            $"{duplicates} duplicated, {undelivered} undelivered; SIGTERM exit code {exitCode}");
        return failures.Count == 0 ? 0 : 1;
    }

    // The driver runs with invariant globalization (Directory.Build.props), so interpolation is culture-neutral.
    private static void Report(string line) => Console.WriteLine(line);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Id(int i) => string.Create(CultureInfo.InvariantCulture, $"lmi-{i:D6}");

    private static string User(int i) => string.Create(CultureInfo.InvariantCulture, $"user-{i}");

    /// <summary>Waits for every response and every record; returns why not, if not.</summary>
    private static async Task<string?> AllStoredAsync(BootstrapProcess run, LoopbackFirehose firehose, int pixels)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Stopwatch.Frequency * 600.0);
        while (firehose.Lines < pixels || run.Api.Posts("/response").Count < pixels)
        {
            if (run.Exited.IsCompleted)
            {
                return $"the bootstrap exited after {firehose.Lines} of {pixels} records";
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                return $"only {firehose.Lines} of {pixels} records within 10 minutes";
            }

            await Task.Delay(10);
        }

        return null;
    }

    /// <summary>Sends a real SIGTERM, as Lambda does to stop an environment; null when it did not exit.</summary>
    private static async Task<int?> TerminateAsync(BootstrapProcess run)
    {
        using (var kill = Process.Start("kill", ["-TERM", run.ProcessId.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        try
        {
            return await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static double[] Latencies(BootstrapProcess run, int pixels)
    {
        var handedOut = run.Api.HandedOut;
        return [.. run.Api.Posts("/response")
            .Select(p => (Id: p.Path.Split('/')[^2], p.Timestamp))
            .Where(p => handedOut.ContainsKey(p.Id))
            .Select(p => Stopwatch.GetElapsedTime(handedOut[p.Id], p.Timestamp).TotalMilliseconds)
            .Order()
            .Take(pixels)];
    }

    // Nearest rank: the smallest value with at least p of the values at or below it.
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
