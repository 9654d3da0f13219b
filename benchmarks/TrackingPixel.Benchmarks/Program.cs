using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TrackingPixel.Benchmarks -- --filter '*'
// Lists the benchmarks without a filter; docs/performance.md has the figures and the commands behind them.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
