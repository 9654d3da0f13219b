#!/usr/bin/env bash
# Marks a release: every package's PublicAPI.Unshipped.txt entries move into its PublicAPI.Shipped.txt, so from then
# on the PublicApiAnalyzers report a removed or changed symbol as breaking (RS0017) and a new one as additive (RS0016).
# Run it when setting a new <Version> in Directory.Build.props. Usage: eng/ship-public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for unshipped in $(git ls-files -co --exclude-standard 'src/*/PublicAPI.Unshipped.txt'); do
  shipped="$(dirname "$unshipped")/PublicAPI.Shipped.txt"
  [ -f "$shipped" ] || echo "#nullable enable" > "$shipped"
  # Entries the analyzer marks *REMOVED* in Unshipped delete the shipped line they name instead of being added.
  removed=$(grep -E '^\*REMOVED\*' "$unshipped" | sed -E 's/^\*REMOVED\*//' || true)
  {
    echo "#nullable enable"
    { tail -n +2 "$shipped"; grep -vE '^(#nullable enable|\*REMOVED\*)' "$unshipped" || true; } \
      | grep -vxF -f <(printf '%s\n' "$removed" | sed '/^$/d') 2>/dev/null | sed '/^$/d' | sort -u
  } > "$shipped.tmp"
  mv "$shipped.tmp" "$shipped"
  echo "#nullable enable" > "$unshipped"
done
