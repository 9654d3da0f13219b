#!/usr/bin/env bash
# The `dotnet new` start, as a new user meets it: every package packed into a folder feed, the template package
# installed from it into a throw-away template hive (nothing global changes), then each template created in a
# temporary folder and its tests run; the Lambda one is also published with Native AOT (zero IL warnings) and run
# against a loopback Lambda Runtime API, whose records must carry the standard fields and the custom one.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s)"
feed="$work/feed"
hive="$work/hive"
source "$repo/.ci/lib/packages.sh"

pack_feed "$feed" "$version"
# Restores from here on see only the folder feed and the repository's registry, through this nuget.config.
cd "$work"
write_nuget_config "$work/nuget.config" "$feed"
export NUGET_PACKAGES="$work/packages"
dotnet new install "TrackingPixel.Templates::$version" --debug:custom-hive "$hive" > "$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }

# new_project <template> <folder> [options]: creates the project and runs its tests, which must pass as created.
new_project() {
  local template="$1" folder="$2"
  shift 2
  dotnet new "$template" -o "$work/$folder" --debug:custom-hive "$hive" "$@" > "$work/new-$folder.log" 2>&1 \
    || { cat "$work/new-$folder.log"; exit 1; }
  grep -rq "Version=\"$version\"" "$work/$folder" || { echo "$folder: no package reference at $version" >&2; exit 1; }
  (cd "$work/$folder" && dotnet test > "$work/test-$folder.log" 2>&1) || { cat "$work/test-$folder.log"; exit 1; }
  grep -E "Passed!|Failed!" "$work/test-$folder.log"
}

new_project trackingpixel-lambda Pixel
new_project trackingpixel-lambda PixelFiles --sink files
new_project trackingpixel-aspnet PixelEndpoint
new_project trackingpixel-aspnet PixelEndpointFirehose --sink firehose
# The sink chooses the stack: a delivery stream for Firehose, none for files.
grep -q "AWS::KinesisFirehose::DeliveryStream" "$work/Pixel/template.yaml" \
  || { echo "Pixel: no delivery stream" >&2; exit 1; }
if grep -q "Firehose" "$work/PixelFiles/template.yaml" "$work/PixelFiles/src/PixelFiles/PixelFiles.csproj"; then
  echo "PixelFiles (--sink files) still mentions Firehose" >&2
  exit 1
fi

dotnet publish "$work/Pixel/src/Pixel" -c Release -r linux-x64 -o "$work/out" > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }
if grep -E "warning" "$work/publish.log"; then
  echo "the template's AOT publish has warnings" >&2
  exit 1
fi

run_bootstrap_records "$work/out/bootstrap" "$work/records.ndjson"
/usr/bin/env python3 - "$work/records.ndjson" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(records) == 3, f"expected 3 records, got {len(records)}"
for record in records:
    assert list(record) == ["date", "ip", "userAgent", "userId", "thirdPartyId", "channel"], record
    assert record["channel"] == "email", record
assert {r["userId"] for r in records} == {"aws_user", "rest_user", "url user"}, records
print("templates check passed:", len(records), "records from the trackingpixel-lambda bootstrap")
PY
