#!/usr/bin/env bash
# Records every public symbol the PublicApiAnalyzers report as undeclared (RS0016) into each project's
# PublicAPI.Unshipped.txt, so a deliberate API addition is one command and shows up in review as a text diff.
# Usage: eng/update-public-api.sh [project-or-solution]
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-TrackingPixel.sln}"
log=$(mktemp)
dotnet build "$target" -c Release -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false > "$log" 2>&1 \
  || true
missing="(error|warning) RS0016: Symbol '.*' is not part of the declared public API.*\[[^]]+\]"
grep -oE "$missing" "$log" \
  | sed -E "s/^.*RS0016: Symbol '(.*)' is not part of the declared public API.*\[([^]:]+)(::[^]]*)?\]$/\2\t\1/" \
  | sort -u | while IFS=$'\t' read -r project symbol; do
      file="$(dirname "$project")/PublicAPI.Unshipped.txt"
      [ -f "$file" ] || echo "#nullable enable" > "$file"
      grep -qxF -- "$symbol" "$file" || echo "$symbol" >> "$file"
    done
for f in $(git ls-files -co --exclude-standard 'src/*/PublicAPI.Unshipped.txt'); do
  { head -n1 "$f"; tail -n +2 "$f" | sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
done
rm -f "$log"
