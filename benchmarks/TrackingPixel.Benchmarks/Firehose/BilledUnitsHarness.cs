using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TrackingPixel.Benchmarks.Support;
using TrackingPixel.Firehose.Publishing;

namespace TrackingPixel.Benchmarks.Firehose;

/// <summary>Counts Firehose records and billed 5 KB units for 1,000 reference pixels, packed and not; a count, not a
/// timing, so it runs once instead of under BenchmarkDotNet.</summary>
internal static class BilledUnitsHarness
{
    private const int Pixels = 1_000;

    // Direct PUT ingestion is billed per record rounded up to the next 5 KB; 5,120 bytes is the stricter reading.
    private const int BillingUnit = 5_120;

    public static void Run(TextWriter output)
    {
        using var services = Support.Pixels.PrivacyFirst();
        var pipeline = services.GetRequiredService<PixelPipeline>();
        var records = new List<ReadOnlyMemory<byte>>(Pixels);
        for (var i = 0; i < Pixels; i++)
        {
            using var record = pipeline.Collect(SampleRequests.OriginalExample())!;
            records.Add(record.Data.ToArray());
        }

        var bytes = records.Sum(r => r.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Pixels} reference pixels (privacy-first record), {bytes} bytes, {bytes / Pixels} bytes each"));
        output.WriteLine("| packing | Firehose records | billed 5 KB units | PutRecordBatch calls |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var packBytes in new[] { 0, 5_000, 10_000, 50_000 })
        {
            var units = packBytes == 0
                ? records
                : RecordPacker.Pack(records, [.. Enumerable.Range(0, Pixels)], packBytes).Packs;
            var billed = units.Sum(u => (u.Length + BillingUnit - 1) / BillingUnit);
            var calls = BatchPlanner.Split(units, Enumerable.Range(0, units.Count)).Count;
            var label = packBytes == 0 ? "off" : packBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"| {label} | {units.Count} | {billed} | {calls} |"));
        }
    }
}
