#!/usr/bin/env bash
# botocore (AWS's own Python SDK core) is the oracle for SigV4 and the Firehose model; objdump checks glibc symbols.
set -euo pipefail
if ! /usr/bin/python3 -c 'import botocore' 2>/dev/null || ! command -v objdump >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-botocore binutils >/dev/null
fi
