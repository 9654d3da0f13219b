using System.Diagnostics;
using System.Globalization;
using System.Text;
using TrackingPixel.Publishing;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// Warm-loop figures of a bootstrap publishing to Firehose: one process serving invocations one at a time as fast as
/// it asks for them, against this driver's Runtime API and Firehose on loopback. Reports throughput, the pixel's
/// latency (event handed out to response posted), the publish time after it (response posted to the next
/// <c>GET next</c>), peak RSS, and checks that Firehose received one record per invocation.
/// </summary>
/// <remarks>
/// The harness costs something too. After the bootstrap has exited the same calls are made with no pixel work, against
/// fresh instances of both fakes, twice: by HttpClients in the driver set up as the bootstrap's are ("harness floor":
/// fakes, loopback and .NET's HTTP client, i.e. what any .NET runtime would pay here), and by blocking raw sockets
/// ("fakes alone": the fakes and loopback only). On a 2-core VM with other builds running, typical p50s were: pixel
/// 65-71 µs for the bootstrap against a harness floor of 34-39 µs and fakes alone 20-22 µs; publish 134-141 µs
/// against 68-98 µs and 47-49 µs (publish includes two fake answers: the Runtime API's 202 and Firehose's, the latter
/// from Kestrel). So subtract the "fakes alone" figures to estimate the bootstrap's own time; compare with each run's
/// lines rather than with these.
/// </remarks>
internal static class WarmLoop
{
    /// <summary>Invocations served first and left out of the figures (JIT tiers, connection pools, caches).</summary>
    public const int WarmUp = 1000;

    private const string Fixture = "http-api-v2.json";
    private const string Stream = "pixels";
    private const int MaxCalibrationRounds = 5000;
    private const int HarnessWarmUpRounds = 5000;

    public static async Task<int> RunAsync(string bootstrap, int invocations)
    {
        var total = WarmUp + invocations;
        var payload = Check.Fixture(Fixture);
        var expectedRecord = Check.ExpectedRecord(Fixture);
        var failures = new List<string>();

        // The driver is JIT-compiled: warm its fakes first, or their tier-ups (Dynamic PGO's, around the 2,300th
        // request) land in the bootstrap's figures as ~20 ms outliers.
        _ = await HarnessFloorAsync(
            payload, new byte[600], expectedRecord, HarnessWarmUpRounds, HarnessClients.HttpClientAsync);

        Figures run;
        long firehoseRecords, putRecordCalls, putRecordBatchCalls;
        long peakRssKib;
        byte[]? firstResponse;
        await using (var firehose = await LoopbackFirehose.StartAsync(Stream, expectedRecord))
        await using (var api = await WarmRuntimeApi.StartAsync(payload, total, "warm"))
        await using (var process = BootstrapProcess.Start(bootstrap, api.Address, FirehoseEnvironment(firehose.Url)))
        {
            if (await WaitAllServedAsync(api, process.Exited) is { } stopped)
            {
                failures.Add(stopped);
            }

            // The process is parked in GET next with every invocation done: its high-water mark is the run's.
            peakRssKib = process.Exited.IsCompleted ? 0 : process.PeakRssKib();
            api.Release();
            try
            {
                await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                failures.Add("the bootstrap did not exit within 30 s of a Runtime API 500");
            }

            // Lines, not Firehose records: a packed Firehose record holds several pixel records.
            firehoseRecords = firehose.Lines;
            putRecordCalls = firehose.PutRecordCalls;
            putRecordBatchCalls = firehose.PutRecordBatchCalls;
            failures.AddRange(FirstFew("Runtime API", api.Problems));
            failures.AddRange(FirstFew("Firehose", firehose.Problems));
            if (api.Responses != total)
            {
                failures.Add($"{api.Responses} of {total} invocations posted their response");
            }

            if (firehoseRecords != total)
            {
                failures.Add(
                    $"the Firehose fake received {firehoseRecords} records for {total} invocations (warm-up included)");
            }

            if (firehose.UnexpectedRecords > 0)
            {
                failures.Add($"{firehose.UnexpectedRecords} records were not the fixture's record");
            }

            if (api.DifferentResponses > 0)
            {
                failures.Add($"{api.DifferentResponses} response posts differed from the first");
            }

            firstResponse = api.FirstResponse;
            if (firstResponse is not null)
            {
                failures.AddRange(Check.CheckEnvelope("the first response", firstResponse, multiValue: false));
            }

            var undelivered = process.Output()
                .Count(line => UndeliveredRecordLine.TryRead(Encoding.UTF8.GetBytes(line), out _));
            if (undelivered > 0)
            {
                failures.Add($"{undelivered} records went to the undelivered-record log");
            }

            run = failures.Count == 0 ? Figures.Of(api, WarmUp) : default;
        }

        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"FAIL {failure}");
            }

            Console.WriteLine($"warm loop failed: {failures.Count} problem(s)");
            return 1;
        }

        var rounds = Math.Min(invocations, MaxCalibrationRounds);
        var floor = await HarnessFloorAsync(
            payload, firstResponse!, expectedRecord, rounds, HarnessClients.HttpClientAsync);
        var fakes = await HarnessFloorAsync(
            payload, firstResponse!, expectedRecord, rounds, HarnessClients.RawSocketAsync);

        var size = new FileInfo(bootstrap).Length / 1024.0 / 1024.0;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"warm loop: {Path.GetFileName(bootstrap)} ({size:F2} MiB), {invocations} invocations measured after " +
            $"{WarmUp} warm-up; one process, one invocation at a time, Firehose PutRecord on loopback\n" +
            $"  throughput        {invocations / run.Seconds:F0} invocations/s ({run.Seconds:F2} s)\n" +
            $"  pixel latency     {run.Pixel}   event handed out -> response post received\n" +
            $"  publish           {run.Publish}   response post received -> next GET next\n" +
            $"  peak RSS          {peakRssKib / 1024.0:F1} MiB (VmHWM)\n" +
            $"  Firehose          {firehoseRecords} records ({putRecordCalls} PutRecord, " +
            $"{putRecordBatchCalls} PutRecordBatch) = {total} invocations; none undelivered\n" +
            $"  harness floor     pixel {floor.Pixel.Short}, publish {floor.Publish.Short}, " +
            $"{rounds / floor.Seconds:F0}/s: the same calls, no pixel work, HttpClient in the driver\n" +
            $"  fakes alone       pixel {fakes.Pixel.Short}, publish {fakes.Publish.Short}, " +
            $"{rounds / fakes.Seconds:F0}/s: the same calls from a raw socket, no HttpClient"));
        return 0;
    }

    private static IEnumerable<string> FirstFew(string source, IReadOnlyList<string> problems) =>
        problems.Take(5)
            .Select(p => $"{source}: {p}")
            .Concat(problems.Count > 5 ? [$"{source}: {problems.Count - 5} more problem(s)"] : []);

    /// <summary>The reference function's environment for a loopback Firehose, with fake credentials.</summary>
    public static Dictionary<string, string?> FirehoseEnvironment(Uri endpoint) => new()
    {
        ["TRACKINGPIXEL_RECORDS_DIRECTORY"] = null,
        ["KINESIS_FIREHOSE_STREAM_NAME"] = Stream,
        ["AWS_ENDPOINT_URL_FIREHOSE"] = endpoint.ToString(),
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIDFAKE",
        ["AWS_SECRET_ACCESS_KEY"] = "fake-secret",
        ["AWS_SESSION_TOKEN"] = "fake-token",
    };

    /// <summary>Waits for the last event to be asked for; returns why it was not, if it was not.</summary>
    private static async Task<string?> WaitAllServedAsync(WarmRuntimeApi api, Task exited)
    {
        var served = -1;
        var progressed = Stopwatch.GetTimestamp();
        while (true)
        {
            var finished = await Task.WhenAny(api.AllServed, exited, Task.Delay(TimeSpan.FromSeconds(1)));
            if (finished == api.AllServed)
            {
                return null;
            }

            if (finished == exited)
            {
                return $"the bootstrap exited after {api.Served} of {api.Count} events";
            }

            if (api.Served != served)
            {
                served = api.Served;
                progressed = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(progressed) > TimeSpan.FromSeconds(30))
            {
                return $"no progress for 30 s after {served} of {api.Count} events";
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="client"/> against fresh fakes: the bootstrap's calls with no pixel work in between.
    /// </summary>
    private static async Task<Figures> HarnessFloorAsync(
        byte[] payload, byte[] response, byte[] record, int rounds, Func<string, Uri, byte[], byte[], Task> client)
    {
        await using var firehose = await LoopbackFirehose.StartAsync(Stream, record);
        await using var api = await WarmRuntimeApi.StartAsync(payload, WarmUp + rounds, "floor");

        // Nobody reads a peak RSS here: let the last GET next be answered 500 as soon as it arrives.
        _ = api.AllServed.ContinueWith(_ => api.Release(), TaskScheduler.Default);
        var putRecord = Encoding.UTF8.GetBytes(
            $$$"""{"DeliveryStreamName":"{{{Stream}}}","Record":{"Dat""" +
                $$$"""a":"{{{Convert.ToBase64String([.. record, (byte)'\n'])}}}"}}""");
        await client(api.Address, firehose.Url, response, putRecord);
        if (api.Problems.Count > 0 || firehose.Problems.Count > 0
            || firehose.Lines != api.Count || api.Responses != api.Count)
        {
            throw new InvalidOperationException(
                $"the harness floor run went wrong ({firehose.Lines} records, {api.Responses} responses " +
                $"for {api.Count}): {string.Join("; ", api.Problems.Concat(firehose.Problems))}");
        }

        return Figures.Of(api, WarmUp);
    }

    /// <summary>Throughput and the two intervals' distributions over the invocations after the warm-up.</summary>
    private readonly record struct Figures(double Seconds, Distribution Pixel, Distribution Publish)
    {
        public static Figures Of(WarmRuntimeApi api, int from)
        {
            var count = api.Count - from;
            var pixel = new long[count];
            var publish = new long[count];
            for (var i = 0; i < count; i++)
            {
                var n = from + i;
                pixel[i] = api.Responded[n] - api.HandedOut[n];
                publish[i] = api.NextArrived[n + 1] - api.Responded[n];
            }

            var seconds = (api.NextArrived[api.Count] - api.NextArrived[from]) / (double)Stopwatch.Frequency;
            return new Figures(seconds, new Distribution(pixel), new Distribution(publish));
        }
    }

    /// <summary>p50, p90, p99 and max of intervals in Stopwatch ticks, printed in microseconds.</summary>
    private readonly struct Distribution(long[] ticks)
    {
        private readonly long[] _sorted = [.. ticks.Order()];

        public string Short =>
            string.Create(CultureInfo.InvariantCulture, $"p50 {Micro(0.50):F0} p99 {Micro(0.99):F0} µs");

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"p50 {Micro(0.50),6:F0}  p90 {Micro(0.90),6:F0}  p99 {Micro(0.99),6:F0}  max {Micro(1.0),7:F0} µs");

        // Nearest rank: the smallest value with at least p of the values at or below it.
        private double Micro(double p) =>
            _sorted[Math.Max(0, (int)Math.Ceiling(p * _sorted.Length) - 1)] * 1_000_000.0 / Stopwatch.Frequency;
    }
}
