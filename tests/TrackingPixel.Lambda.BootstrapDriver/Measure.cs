using System.Diagnostics;
using System.Globalization;

namespace TrackingPixel.Lambda.BootstrapDriver;

/// <summary>
/// Cold-start figures of a bootstrap: time from process start to the first response posted, and peak RSS.
/// </summary>
internal static class Measure
{
    public static async Task<int> RunAsync(string bootstrap, int runs)
    {
        var firstResponse = new List<double>();
        var peakRss = new List<long>();
        for (var i = 0; i < runs; i++)
        {
            await using var run = await BootstrapProcess.StartAsync(
                bootstrap, [("id-1", Check.Fixture("http-api-v2.json"))]);
            var response = await run.Api.WaitForAsync(
                c => c.Method == "POST" && c.Path.EndsWith("/response", StringComparison.Ordinal), "response");
            firstResponse.Add(Stopwatch.GetElapsedTime(run.StartTimestamp, response.Timestamp).TotalMilliseconds);

            // Once the second GET next arrives the record is published: the process has done all of one cold
            // invocation.
            await run.Api.WaitForNextAsync(2);
            peakRss.Add(run.PeakRssKib());
            run.Api.EnqueueFailure(500);
            await run.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        var size = new FileInfo(bootstrap).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(bootstrap)}: size {size / 1024.0 / 1024.0:F2} MiB; start to first response median " +
                $"{Median(firstResponse):F1} ms (min {firstResponse.Min():F1}, max {firstResponse.Max():F1}); peak " +
                $"RSS median {Median(peakRss) / 1024.0:F1} MiB; {runs} runs"));
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1
            ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static double Median(IEnumerable<long> values) => Median(values.Select(v => (double)v));
}
