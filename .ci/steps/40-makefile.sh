#!/usr/bin/env bash
# Runs the Makefile target `sam build` runs (build-PixelFunction) into a temporary ARTIFACTS_DIR, as SAM would, and
# checks the resulting `bootstrap` is executable, passes the glibc check and answers a loopback Lambda Runtime API.
set -euo pipefail
cd "$(dirname "$0")/../.."
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT
make --no-print-directory build-PixelFunction ARTIFACTS_DIR="$artifacts" > "$artifacts.log" 2>&1 \
  || { cat "$artifacts.log"; exit 1; }
rm -f "$artifacts.log"
[ -x "$artifacts/bootstrap" ] || { echo "no executable bootstrap in ARTIFACTS_DIR" >&2; exit 1; }
ls -la "$artifacts"
[ "$(ls -A "$artifacts" | wc -l)" -eq 1 ] || { echo "ARTIFACTS_DIR should hold only bootstrap" >&2; exit 1; }
driver=$(mktemp -d)
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$driver" > /dev/null
dotnet "$driver/TrackingPixel.Lambda.BootstrapDriver.dll" check "$artifacts/bootstrap" 2> "$driver/err" \
  || { tail -n 40 "$driver/err" >&2; exit 1; }
rm -rf "$driver"
