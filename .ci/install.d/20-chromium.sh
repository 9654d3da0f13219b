#!/usr/bin/env bash
# Debian's chromium for the real-browser end-to-end test (tests/TrackingPixel.Browser.Tests), driven by Playwright
# through ExecutablePath: Playwright's own browser download is not used.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
