#!/usr/bin/env bash
# Measures the reference Lambda function's cold start on this machine: binary size, time from process start to the
# first response posted to a fake Runtime API on loopback, and peak RSS (VmHWM) after one invocation, as the median of
# N fresh processes; for the Native AOT bootstrap and for a framework-dependent (JIT) build of the same Program.cs.
# Usage: eng/measure-lambda-bootstrap.sh [runs]   (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
out=$(mktemp -d)
dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$out/aot" >/dev/null
dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 \
  -p:PublishAot=false --self-contained false -o "$out/jit" >/dev/null
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$out/driver" >/dev/null
echo "Native AOT:"
dotnet "$out/driver/TrackingPixel.Lambda.BootstrapDriver.dll" measure "$out/aot/bootstrap" "$runs" 2>/dev/null
echo "Framework-dependent JIT (size = bootstrap apphost + its assemblies):"
dotnet "$out/driver/TrackingPixel.Lambda.BootstrapDriver.dll" measure "$out/jit/bootstrap" "$runs" 2>/dev/null
du -sh --apparent-size "$out/jit" | cut -f1 | sed 's/^/  whole JIT publish folder: /'
du -sh --apparent-size "$out/aot/bootstrap" | cut -f1 | sed 's/^/  AOT bootstrap file: /'
rm -rf "$out"
