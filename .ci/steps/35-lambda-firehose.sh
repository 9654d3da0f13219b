#!/usr/bin/env bash
# The reference bootstrap (Native AOT), given fake credentials and AWS_ENDPOINT_URL_FIREHOSE pointing at the fake
# Firehose, which verifies every signature with botocore's own signer and validates every request against botocore's
# Firehose model, and injects partial batch failures and throttling: every invocation gets its pixel, every record
# reaches the stream, none is left in the undelivered-record log. Run in standard mode, then in concurrent mode
# (AWS_LAMBDA_MAX_CONCURRENCY=32, as Lambda Managed Instances set it), each against a fresh fake.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
fake=tests/TrackingPixel.Firehose.Tests/Fakes/fake_firehose.py
fake_pid=""
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$work/bootstrap" \
  > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$work/driver" > "$work/driver.log" 2>&1 \
  || { cat "$work/driver.log"; exit 1; }

check() {
  local concurrency=$1 run="$work/run-$1"
  mkdir -p "$run"
  /usr/bin/python3 "$fake" --records "$run/stored.ndjson" --fail-rate 0.2 --throttle-every 4 --seed 7 > "$run/port" \
    2> "$run/fake.err" &
  fake_pid=$!
  for _ in $(seq 1 300); do [ -s "$run/port" ] && break; sleep 0.1; done
  local port
  port=$(head -n1 "$run/port")
  [ -n "$port" ] || { echo "fake Firehose did not start" >&2; cat "$run/fake.err" >&2; exit 1; }

  dotnet "$work/driver/TrackingPixel.Lambda.BootstrapDriver.dll" firehose "$work/bootstrap/bootstrap" \
    "http://127.0.0.1:$port" "$run/stored.ndjson" 200 "$concurrency" 2> "$run/driver.err" \
    || { tail -n 40 "$run/driver.err" >&2; cat "$run/fake.err" >&2; exit 1; }
  if grep -q rejected "$run/fake.err"; then
    echo "the fake Firehose rejected a request:" >&2
    cat "$run/fake.err" >&2
    exit 1
  fi
  # A failed call is a PutRecord answered 500 or a PutRecordBatch with failed entries: in concurrent mode the
  # invocations' records share batches, so faults arrive as failed entries rather than failed single calls.
  local throttled failed
  throttled=$(grep -c "injected: 503" "$run/fake.err" || true)
  failed=$(grep -c -E "injected: (500|[0-9]+ failed entries)" "$run/fake.err" || true)
  echo "concurrency $concurrency, fake Firehose: $(grep -c . "$run/stored.ndjson") records stored" \
    "after $throttled throttled and $failed failed calls"
  [ "$throttled" -gt 0 ] && [ "$failed" -gt 0 ] \
    || { echo "no faults were injected: the check proves nothing" >&2; exit 1; }
  kill "$fake_pid" 2>/dev/null || true
  wait "$fake_pid" 2>/dev/null || true
}

check 1
check 32
