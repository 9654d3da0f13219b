#!/usr/bin/env bash
# Publishes the AOT test app with every library rooted; any IL2xxx/IL3xxx warning fails the build, and the
# binary must run a request through the pipeline and need no glibc newer than Amazon Linux 2023's 2.34.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
log="$out/publish.log"
dotnet publish tests/TrackingPixel.AotTestApp -c Release -r linux-x64 -o "$out/app" 2>&1 | tee "$log"
if grep -E "warning IL[23][0-9]{3}|error IL[23][0-9]{3}" "$log"; then
  echo "AOT/trim warnings found" >&2
  exit 1
fi
TRACKINGPIXEL_AOT_OUT="$out" "$out/app/TrackingPixel.AotTestApp"
echo
bash eng/check-glibc.sh "$out/app/TrackingPixel.AotTestApp"
