#!/usr/bin/env bash
# Replays undelivered-record log lines with tools/TrackingPixel.Replay into the botocore-checked fake Firehose
# (signatures re-computed by botocore, bodies validated against its Firehose model) and into NDJSON files (--to file),
# and checks every record arrived exactly once and other log lines were skipped. Replay to Kinesis is checked in
# 36-lambda-kinesis.sh, where kinesalite runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
fake=tests/TrackingPixel.Firehose.Tests/Fakes/fake_firehose.py

/usr/bin/python3 "$fake" --records "$work/stored.ndjson" --fail-rate 0.1 --seed 3 > "$work/port" 2> "$work/fake.err" &
fake_pid=$!
trap 'kill "$fake_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(head -n1 "$work/port")
[ -n "$port" ] || { echo "fake Firehose did not start" >&2; cat "$work/fake.err" >&2; exit 1; }

/usr/bin/python3 - "$work/undelivered.log" "$work/expected.ndjson" <<'PY'
import json, sys
with open(sys.argv[1], "w") as log, open(sys.argv[2], "w") as expected:
    for i in range(1500):
        record = {"eventId": f"e-{i}", "requestId": f"r-{i}", "userId": f"caf\u00e9-{i}"}
        line = {
            "timestamp": "2026-01-01T00:00:00.000Z",
            "level": "ERROR",
            "message": "m",
            "reason": "test",
            "trackingPixelUndelivered": record,
        }
        log.write("2026-01-01T00:00:00.000Z\t" + json.dumps(line, separators=(",", ":")) + "\n")
        log.write('{"level":"INFO","message":"not a record"}\n')
        expected.write(json.dumps(record, separators=(",", ":")) + "\n")
PY

AWS_ENDPOINT_URL_FIREHOSE="http://127.0.0.1:$port" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIDFAKE \
AWS_SECRET_ACCESS_KEY=fake-secret AWS_SESSION_TOKEN=fake-token KINESIS_FIREHOSE_STREAM_NAME=pixels \
  dotnet run --project tools/TrackingPixel.Replay -c Release -- \
  --to firehose "$work/undelivered.log" "$work/not-replayed.log"
TRACKINGPIXEL_RECORDS_DIRECTORY="$work/files" \
  dotnet run --project tools/TrackingPixel.Replay -c Release --no-build -- \
  --to file "$work/undelivered.log" "$work/not-replayed.log"
if [ -s "$work/not-replayed.log" ]; then
  echo "lines were not replayed:" >&2; head -n 5 "$work/not-replayed.log" >&2; exit 1
fi
find "$work/files" -name '*.ndjson' -exec cat {} + > "$work/files.ndjson"

if grep -q rejected "$work/fake.err"; then cat "$work/fake.err" >&2; exit 1; fi
/usr/bin/python3 - "$work/expected.ndjson" "$work/stored.ndjson" "$work/files.ndjson" <<'PY'
import json, sys
def ids(path):
    return sorted(json.loads(l)["eventId"] for l in open(path, encoding="utf-8"))
expected = ids(sys.argv[1])
for sink, path in (("firehose", sys.argv[2]), ("file", sys.argv[3])):
    stored = ids(path)
    assert stored == expected, f"{sink}: {len(stored)} stored, {len(expected)} expected"
    print(f"replayed {len(stored)} records to {sink} exactly once")
PY
