#!/usr/bin/env bash
# Marks a release: every package's PublicAPI.Unshipped.txt entries move into its PublicAPI.Shipped.txt, so from then
# on the PublicApiAnalyzers report a removed or changed symbol as breaking (RS0017) and a new one as additive (RS0016).
# An Unshipped line `*REMOVED*X` deletes the shipped line X. Run it when setting a new <Version> in
# Directory.Build.props. Usage: eng/ship-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in $(git ls-files -co --exclude-standard 'src/*/PublicAPI.Unshipped.txt'); do
  python3 - "$unshipped" "$(dirname "$unshipped")/PublicAPI.Shipped.txt" <<'PY'
import os, sys
unshipped, shipped = sys.argv[1], sys.argv[2]
def entries(path):
    if not os.path.exists(path):
        return []
    return [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and l.strip() != "#nullable enable"]
new = entries(unshipped)
removed = {l[len("*REMOVED*"):] for l in new if l.startswith("*REMOVED*")}
kept = {l for l in entries(shipped) if l not in removed} | {l for l in new if not l.startswith("*REMOVED*")}
with open(shipped, "w", encoding="utf-8") as f:
    f.write("#nullable enable\n" + "".join(l + "\n" for l in sorted(kept, key=str.casefold)))
with open(unshipped, "w", encoding="utf-8") as f:
    f.write("#nullable enable\n")
PY
done
