#!/usr/bin/env bash
# The runbooks in Examples/ run as they are, and print what their golden
# transcripts say (standard output and error together). Each runbook's header
# holds the line that runs it (`#   incident-chat run OPTIONS Examples/NAME.chat`);
# the transcript is Examples/NAME.expected. UPDATE_GOLDEN=1 rewrites them.
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/../.."
failed=0
for runbook in Examples/*.chat; do
    name=${runbook%.chat}
    command=$(grep -m1 '^#   incident-chat run ' "$runbook" | sed 's/^#   incident-chat //')
    [ -n "$command" ] || { echo "FAIL $runbook: no '#   incident-chat run ...' line in its header"; failed=1; continue; }
    # Golden runs use a fixed clock and seed even where the header leaves them out.
    [[ $command == *--fixed-clock* ]] || command="${command/run /run --fixed-clock 2026-11-24T10:00:00Z }"
    [[ $command == *--seed* ]] || command="${command/run /run --seed 1 }"
    actual=$(cd . && NO_COLOR=1 USER=responder eval "timeout 120 \"$bin\" $command --user responder" 2>&1 | sed -E 's/in [0-9]+\.[0-9]+s$/in TIME/') || true
    if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
        printf '%s\n' "$actual" > "$name.expected"
        echo "wrote $name.expected"
    elif ! diff -u "$name.expected" <(printf '%s\n' "$actual"); then
        echo "FAIL $runbook differs from $name.expected (UPDATE_GOLDEN=1 rewrites it)"
        failed=1
    else
        echo "ok   $runbook"
    fi
done
exit $failed
