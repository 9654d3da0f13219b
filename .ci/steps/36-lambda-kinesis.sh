#!/usr/bin/env bash
# The "Done when" of the Kinesis sink: the reference bootstrap (Native AOT), configured with
# TRACKINGPIXEL_KINESIS_STREAM and AWS_ENDPOINT_URL_KINESIS pointing at kinesalite on loopback, answers every pixel and
# leaves nothing in the undelivered-record log; the ASP.NET sample publishes to the same stream; then every record is
# read back with `aws kinesis get-records` and each pixel's record is there exactly once. Last, the replay tool puts
# undelivered-record lines into a second stream, read back the same way.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
pixels=200
sample_pixels=50
[ -f eng/kinesalite/node_modules/kinesalite/package.json ] || bash .ci/install.d/20-kinesalite.sh

dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$work/bootstrap" \
  > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$work/driver" > "$work/driver.log" 2>&1 \
  || { cat "$work/driver.log"; exit 1; }
dotnet build samples/TrackingPixel.Sample.Local -c Release -o "$work/local" > "$work/local.log" 2>&1 \
  || { cat "$work/local.log"; exit 1; }

node eng/kinesalite/serve.js > "$work/kinesalite.out" 2> "$work/kinesalite.err" &
kinesalite_pid=$!
local_pid=
cleanup() {
  [ -n "$local_pid" ] && kill "$local_pid" 2>/dev/null || true
  kill "$kinesalite_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 300); do grep -q '^listening ' "$work/kinesalite.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^listening /{print $2}' "$work/kinesalite.out")
[ -n "$port" ] || { echo "kinesalite did not start" >&2; cat "$work/kinesalite.err" >&2; exit 1; }
endpoint="http://127.0.0.1:$port"

# Fake credentials: kinesalite accepts any signature; the same variables reach the bootstrap through the driver.
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIDFAKE AWS_SECRET_ACCESS_KEY=fake-secret AWS_SESSION_TOKEN=fake-token
export AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
aws() { /usr/bin/aws --endpoint-url "$endpoint" --output json "$@"; }
aws kinesis create-stream --stream-name pixels --shard-count 2
aws kinesis wait stream-exists --stream-name pixels

dotnet "$work/driver/TrackingPixel.Lambda.BootstrapDriver.dll" \
  kinesis "$work/bootstrap/bootstrap" "$endpoint/" pixels "$pixels" 2> "$work/driver.err" \
  || { tail -n 40 "$work/driver.err" >&2; exit 1; }

# The ASP.NET sample, publishing to the same stream through its record batcher.
AWS_ENDPOINT_URL_KINESIS="$endpoint" TRACKINGPIXEL_KINESIS_STREAM=pixels \
  dotnet "$work/local/TrackingPixel.Sample.Local.dll" --port 0 > "$work/local.out" 2> "$work/local.err" &
local_pid=$!
for _ in $(seq 1 300); do grep -q 'serving the pixel at' "$work/local.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^TrackingPixel is serving the pixel at //p' "$work/local.out")
[ -n "$url" ] || { echo "the ASP.NET sample did not start" >&2; cat "$work/local.out" "$work/local.err" >&2; exit 1; }
for i in $(seq 0 $((sample_pixels - 1))); do
  curl -fsS -o /dev/null -A 'Mozilla/5.0 ci' "$url?userid=local-$i&thirdpartyname=ci.example"
done
# SIGTERM stops the host gracefully: the batcher flushes its last records before the process exits.
kill -TERM "$local_pid"; wait "$local_pid" || true; local_pid=
if grep -q trackingPixelUndelivered "$work/local.out"; then
  echo "the ASP.NET sample left undelivered records" >&2; exit 1
fi

# Reads every shard of stream $1 from the start with the AWS CLI into the pages of folder $2.
read_stream() {
  mkdir -p "$2"; local page=0 shard iterator file
  for shard in $(aws kinesis list-shards --stream-name "$1" --query 'Shards[].ShardId' --output text); do
    iterator=$(aws kinesis get-shard-iterator --stream-name "$1" --shard-id "$shard" \
      --shard-iterator-type TRIM_HORIZON --query ShardIterator --output text)
    while [ -n "$iterator" ]; do
      page=$((page + 1)); file="$2/$page.json"
      aws kinesis get-records --shard-iterator "$iterator" --limit 10000 > "$file"
      # An empty page means the shard is read to its end (kinesalite has no lag to wait out).
      iterator=$(/usr/bin/python3 -c 'import json, sys; p = json.load(open(sys.argv[1]))
print(p.get("NextShardIterator") or "" if p["Records"] else "")' "$file")
    done
  done
}
read_stream pixels "$work/pages"

/usr/bin/python3 - "$work/pages" "$pixels" "$sample_pixels" <<'PY'
import base64, collections, json, pathlib, sys
pages, pixels, sample_pixels = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
records = [r for page in pages.glob("*.json") for r in json.loads(page.read_text(encoding="utf-8"))["Records"]]
lines = [base64.b64decode(r["Data"]).decode("utf-8") for r in records]
assert all(l.endswith("\n") for l in lines), "a record without its newline"
users = collections.Counter(json.loads(l)["userId"] for l in lines)
expected = [f"user-{i}" for i in range(pixels)] + [f"local-{i}" for i in range(sample_pixels)]
missing = [u for u in expected if users[u] == 0]
twice = [u for u, n in users.items() if n > 1]
extra = set(users) - set(expected)
assert not missing and not twice and not extra, \
    f"missing {missing[:5]}, twice {twice[:5]}, unexpected {sorted(extra)[:5]}"
sizes = [len(l.encode("utf-8")) for l in lines]
print(f"aws kinesis get-records: {len(lines)} records, each pixel's exactly once "
      f"({pixels} from the bootstrap, {sample_pixels} from the ASP.NET sample); "
      f"mean {sum(sizes) / len(sizes):.0f} bytes")
PY

# The replay tool puts undelivered-record log lines back into a stream.
aws kinesis create-stream --stream-name replayed --shard-count 1
aws kinesis wait stream-exists --stream-name replayed
/usr/bin/python3 - "$work/undelivered.log" <<'PY'
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as log:
    for i in range(700):
        record = {"eventId": f"e-{i}", "userId": f"caf\u00e9-{i}"}
        line = {"timestamp": "2026-01-01T00:00:00.000Z", "level": "ERROR", "message": "m", "reason": "test",
                "trackingPixelUndelivered": record}
        log.write("2026-01-01T00:00:00.000Z\t" + json.dumps(line, separators=(",", ":")) + "\n")
        log.write('{"level":"INFO","message":"not a record"}\n')
PY
AWS_ENDPOINT_URL_KINESIS="$endpoint" TRACKINGPIXEL_KINESIS_STREAM=replayed \
  dotnet run --project tools/TrackingPixel.Replay -c Release -- \
  --to kinesis "$work/undelivered.log" "$work/not-replayed.log"
read_stream replayed "$work/replayed"
/usr/bin/python3 - "$work/replayed" <<'PY'
import base64, json, pathlib, sys
pages = pathlib.Path(sys.argv[1]).glob("*.json")
ids = sorted(json.loads(base64.b64decode(r["Data"]))["eventId"] for p in pages for r in json.load(open(p))["Records"])
assert ids == sorted(f"e-{i}" for i in range(700)), f"{len(ids)} replayed records read back"
print(f"replayed {len(ids)} records to Kinesis exactly once (aws kinesis get-records)")
PY
