#!/usr/bin/env bash
# The reference bootstrap (Native AOT), given fake credentials and AWS_ENDPOINT_URL_FIREHOSE pointing at the fake
# Firehose, which verifies every signature with botocore's own signer and validates every request against botocore's
# Firehose model, and injects partial batch failures and throttling: every invocation gets its pixel, every record
# reaches the stream, none is left in the undelivered-record log.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
fake=tests/TrackingPixel.Firehose.Tests/Fakes/fake_firehose.py

dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$work/bootstrap" > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$work/driver" > "$work/driver.log" 2>&1 || { cat "$work/driver.log"; exit 1; }

/usr/bin/python3 "$fake" --records "$work/stored.ndjson" --fail-rate 0.2 --throttle-every 4 --seed 7 > "$work/port" 2> "$work/fake.err" &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n1 "$work/port")
[ -n "$port" ] || { echo "fake Firehose did not start" >&2; cat "$work/fake.err" >&2; exit 1; }

dotnet "$work/driver/TrackingPixel.Lambda.BootstrapDriver.dll" firehose "$work/bootstrap/bootstrap" "http://127.0.0.1:$port" "$work/stored.ndjson" 200 2> "$work/driver.err" \
  || { tail -n 40 "$work/driver.err" >&2; cat "$work/fake.err" >&2; exit 1; }
if grep -q rejected "$work/fake.err"; then echo "the fake Firehose rejected a request:" >&2; cat "$work/fake.err" >&2; exit 1; fi
throttled=$(grep -c "injected: 503" "$work/fake.err" || true)
failed=$(grep -c "injected: 500" "$work/fake.err" || true)
echo "fake Firehose: $(grep -c . "$work/stored.ndjson") records stored after $throttled throttled and $failed failed calls"
[ "$throttled" -gt 0 ] && [ "$failed" -gt 0 ] || { echo "no faults were injected: the check proves nothing" >&2; exit 1; }
