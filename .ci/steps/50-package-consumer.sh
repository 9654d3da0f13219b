#!/usr/bin/env bash
# Packs the packages into a folder feed, then uses them as a new user would: a fresh project outside the
# repository, `dotnet add package --source <folder>`, a Lambda entry point with a custom extractor, a Native AOT
# publish with zero IL warnings, and one run against a loopback Lambda Runtime API whose records are checked.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version="0.1.0-ci.$(date +%s)"
feed="$work/feed"

source "$repo/.ci/lib/packages.sh"
pack_feed "$feed" "$version"
# Each package carries its symbols, README, licence, repository and XML docs for both target frameworks.
/usr/bin/env python3 - "$feed" "$version" <<'PY'
import sys, zipfile, re
feed, version = sys.argv[1], sys.argv[2]
for package in ["Core", "Aws", "Lambda", "Firehose", "AspNetCore"]:
    name = f"TrackingPixel.{package}"
    with zipfile.ZipFile(f"{feed}/{name}.{version}.snupkg") as symbols:
        assert any(n.endswith(".pdb") for n in symbols.namelist()), f"{name}: no PDB in the symbols package"
    with zipfile.ZipFile(f"{feed}/{name}.{version}.nupkg") as nupkg:
        names = nupkg.namelist()
        libs = [f"lib/{tfm}/{name}.{ext}" for ext in ("xml", "dll") for tfm in ("net8.0", "net10.0")]
        for required in ["README.md", *libs]:
            assert required in names, f"{name}: {required} missing"
        nuspec = nupkg.read(f"{name}.nuspec").decode()
        assert '<license type="expression">Apache-2.0</license>' in nuspec, f"{name}: no licence expression"
        assert re.search(r'<repository type="git" url="https://github.com/', nuspec), f"{name}: no repository URL"
        assert "<readme>README.md</readme>" in nuspec, f"{name}: README not declared"
print("packages: symbols, README, licence expression, repository URL and XML docs present")
PY

app="$work/MyPixel"
mkdir -p "$app"
cd "$app"
# A user's project: its own nuget.config (the registry for the dependencies, the folder feed for TrackingPixel).
write_nuget_config nuget.config "$feed"
dotnet new console --framework net10.0 --name MyPixel --output . > /dev/null
dotnet add package TrackingPixel.Lambda --version "$version" --source "$feed" > "$work/add.log" 2>&1 \
  || { cat "$work/add.log"; exit 1; }
dotnet add package TrackingPixel.Firehose --version "$version" --source "$feed" >> "$work/add.log" 2>&1 \
  || { cat "$work/add.log"; exit 1; }
cp "$repo/tests/consumer/Program.cs.txt" Program.cs
dotnet publish -c Release -r linux-x64 -o "$work/out" \
  -p:PublishAot=true -p:InvariantGlobalization=true -p:AssemblyName=bootstrap \
  > "$work/publish.log" 2>&1 || { cat "$work/publish.log"; exit 1; }
if grep -E "warning IL[23][0-9]{3}|error IL[23][0-9]{3}|warning" "$work/publish.log"; then
  echo "the consumer's AOT publish has warnings" >&2
  exit 1
fi

run_bootstrap_records "$work/out/bootstrap" "$work/records.ndjson"
/usr/bin/env python3 - "$work/records.ndjson" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(records) == 3, f"expected 3 records, got {len(records)}"
for record in records:
    assert list(record)[:5] == ["date", "ip", "userAgent", "userId", "thirdPartyId"], record
    assert record["channel"] == "email", record
assert {r["userId"] for r in records} == {"aws_user", "rest_user", "url user"}, records
print("package consumer check passed:", len(records), "records with the standard fields and the custom 'channel' field")
PY
