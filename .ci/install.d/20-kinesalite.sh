#!/usr/bin/env bash
# kinesalite (an implementation of the Kinesis Data Streams API, from npm) for the Kinesis publisher's tests and CI
# step, installed from eng/kinesalite's lock file into eng/kinesalite/node_modules (git-ignored); awscli for
# `aws kinesis get-records` in the CI step.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null || [ ! -x /usr/bin/aws ]; then
  apt-get update -qq
  packages=(awscli)
  command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi
if [ ! -f eng/kinesalite/node_modules/kinesalite/package.json ]; then
  npm ci --prefix eng/kinesalite --no-audit --no-fund --loglevel=error
fi
