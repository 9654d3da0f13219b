#!/usr/bin/env bash
# Measures the reference Lambda function (Native AOT bootstrap, publishing to Firehose) in concurrent mode, as Lambda
# Managed Instances run it (AWS_LAMBDA_MAX_CONCURRENCY=32), and in standard mode (no variable), against the fake
# Runtime API (concurrent GET next) and a loopback Firehose that answers each call after 20 ms, like an in-region call.
# All pixels are queued before the process starts, so they are offered as fast as the runtime asks. Prints Firehose
# requests and billed 5 KB units per 1,000 pixels, pixels per request, pixel latency p50/p99, and fails unless every
# record arrived byte for byte exactly once and a real SIGTERM at the end exits 0 with nothing undelivered.
# Usage: eng/perf/lambda-concurrent.sh [pixels] [concurrency] [firehose-ms]   (defaults 4000 32 20; standard mode
# gets a quarter of the pixels, since it publishes one request at a time)
set -euo pipefail
cd "$(dirname "$0")/../.."
pixels="${1:-4000}"
concurrency="${2:-32}"
latency="${3:-20}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$out/aot" > "$out/publish.log" 2>&1 \
  || { cat "$out/publish.log" >&2; exit 1; }
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$out/driver" > "$out/driver.log" 2>&1 \
  || { cat "$out/driver.log" >&2; exit 1; }
driver="$out/driver/TrackingPixel.Lambda.BootstrapDriver.dll"
dotnet "$driver" concurrent "$out/aot/bootstrap" "$pixels" "$concurrency" "$latency" 2> "$out/concurrent.err" \
  || { tail -n 40 "$out/concurrent.err" >&2; exit 1; }
dotnet "$driver" concurrent "$out/aot/bootstrap" "$((pixels / 4))" 1 "$latency" 2> "$out/standard.err" \
  || { tail -n 40 "$out/standard.err" >&2; exit 1; }
