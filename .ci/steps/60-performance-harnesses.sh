#!/usr/bin/env bash
# The benchmarks and measurement harnesses are run by hand (docs/performance.md), never timed in CI; this keeps them
# building and their scripts well-formed, and runs each benchmark case once (BenchmarkDotNet's dry job) so a benchmark
# that throws fails here rather than on the day someone measures.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build benchmarks/TrackingPixel.Benchmarks -c Release
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release
for script in eng/*.sh eng/perf/*.sh; do
  [ -e "$script" ] || continue
  bash -n "$script"
done
out=$(mktemp -d)
dotnet run -c Release --no-build --project benchmarks/TrackingPixel.Benchmarks -- \
  --filter '*' --job Dry --artifacts "$out" > "$out/dry.log" 2>&1 || { tail -50 "$out/dry.log"; exit 1; }
# A benchmark that throws kills its process and is listed "with issues"; BenchmarkDotNet itself may still exit 0.
if grep -q -E "Benchmarks with issues|has exited with code [1-9]|Exception:" "$out/dry.log"; then
  grep -n -E "Benchmarks with issues|exited with code|Exception" "$out/dry.log" | head -20
  exit 1
fi
grep -E "executed benchmarks: [0-9]+" "$out/dry.log" | tail -1
rm -rf "$out"
