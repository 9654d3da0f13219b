#!/usr/bin/env bash
# No source line over 120 characters (.cs, .csproj, .props, .sh, .yaml): `python3 eng/wrap-doc-comments.py FILE...`
# re-wraps long comments; code and strings are wrapped by hand, keeping every string's value.
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 eng/wrap-doc-comments.py --check
