#!/usr/bin/env bash
# The differential test of issue 3: the same commands through `incident-chat
# check --json` and through the installed AWS CLI's own argument processing
# (no request is sent). Skipped, with a notice, where the AWS CLI is absent.
# usage: differential.sh PATH-TO-incident-chat
set -euo pipefail
here="$(cd "$(dirname "$0")/../Differential" && pwd)"
binary="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if ! python3 -c "import awscli, botocore, regex" 2>/dev/null; then
  echo "differential: skipped (the AWS CLI, botocore or regex is not installed for python3)"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/compare.py" "$binary" "$work"
