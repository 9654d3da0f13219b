#!/usr/bin/env bash
# Measures the reference Lambda function (Native AOT bootstrap, publishing to Firehose) warm: one process serving
# invocations one at a time, as Lambda runs it, as fast as it asks for them, against the driver's fake Runtime API and
# an in-process Firehose fake (PutRecord/PutRecordBatch, JSON 1.1) on loopback. After 1000 warm-up invocations it
# reports invocations per second, the pixel's latency (event handed out -> response posted) and the publish time
# after it (response posted -> next GET next) as p50/p90/p99/max in µs, and peak RSS (VmHWM); it fails unless
# Firehose received exactly one record per invocation. Two more lines make the same calls with no pixel work, from
# inside the driver: "harness floor" with HttpClient (fakes + loopback + .NET's HTTP client) and "fakes alone" with
# raw sockets (fakes + loopback): subtract them to see the bootstrap's own share. Numbers are noisy on a busy machine.
# Usage: eng/perf/lambda-warm-loop.sh [invocations]   (default 20000, warm-up excluded)
set -euo pipefail
cd "$(dirname "$0")/../.."
invocations="${1:-20000}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$out/aot" > "$out/publish.log" 2>&1 \
  || { cat "$out/publish.log" >&2; exit 1; }
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$out/driver" > "$out/driver.log" 2>&1 \
  || { cat "$out/driver.log" >&2; exit 1; }
dotnet "$out/driver/TrackingPixel.Lambda.BootstrapDriver.dll" warm "$out/aot/bootstrap" "$invocations" \
  2> "$out/driver.err" \
  || { tail -n 40 "$out/driver.err" >&2; exit 1; }
