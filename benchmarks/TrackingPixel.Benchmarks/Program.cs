using BenchmarkDotNet.Running;
using TrackingPixel.Benchmarks.Firehose;

// dotnet run -c Release --project benchmarks/TrackingPixel.Benchmarks -- --filter '*'
// Lists the benchmarks without a filter; docs/performance.md has the figures and the commands behind them.
// `-- billed-units` prints Firehose records and billed 5 KB units per 1,000 reference pixels (docs/firehose.md).
if (args is ["billed-units"])
{
    BilledUnitsHarness.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
