#!/usr/bin/env bash
# Fails when a native binary needs a glibc symbol version newer than Amazon Linux 2023's (2.34), which would make
# Lambda's provided.al2023 refuse to start it ("version `GLIBC_2.38' not found").
# Usage: eng/check-glibc.sh <binary> [max-version]
set -euo pipefail
binary="$1"
max="${2:-2.34}"
highest=$(objdump -T "$binary" | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -n1)
if [ -z "$highest" ]; then
  echo "check-glibc: no GLIBC symbol versions found in $binary" >&2
  exit 1
fi
if [ "$(printf '%s\n%s\n' "$highest" "$max" | sort -V | tail -n1)" != "$max" ]; then
  echo "check-glibc: $binary needs GLIBC_$highest, newer than $max (Amazon Linux 2023)." >&2
  echo "Build on a distribution with glibc <= $max," \
    "e.g. 'sam build --use-container' with an Amazon Linux 2023 build image." >&2
  exit 1
fi
echo "check-glibc: $binary needs at most GLIBC_$highest (limit $max)"
