#!/usr/bin/env bash
# Publishes the reference Lambda function (samples/TrackingPixel.Sample.Lambda) as a Native AOT `bootstrap` for
# linux-x64: any IL2xxx/IL3xxx warning fails, the binary must need no glibc newer than Amazon Linux 2023's 2.34, and,
# started against a fake Runtime API on loopback, it must answer the three event fixtures (events/*.json) with the
# pixel envelope, write their exact records, report an unsupported event and exit on a Runtime API 500.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
log="$out/publish.log"
dotnet publish samples/TrackingPixel.Sample.Lambda -c Release -r linux-x64 -o "$out/bootstrap" 2>&1 | tee "$log"
if grep -E "warning IL[23][0-9]{3}|error IL[23][0-9]{3}" "$log"; then
  echo "AOT/trim warnings found" >&2
  exit 1
fi
bash eng/check-glibc.sh "$out/bootstrap/bootstrap"
dotnet build tests/TrackingPixel.Lambda.BootstrapDriver -c Release -o "$out/driver" >/dev/null
dotnet "$out/driver/TrackingPixel.Lambda.BootstrapDriver.dll" check "$out/bootstrap/bootstrap"
