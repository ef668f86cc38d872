#!/usr/bin/env bash
# The chat channel: permissions checked before the backend (a denial changes
# nothing), notifications delivered to a topic whose policy allows Incident
# Manager and dropped, with a warning, where it does not; the command log;
# aliases; the Chime refusal. The transcript is golden (UPDATE_GOLDEN=1).
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/channel" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/*.yaml "$work/"
cd "$work"
ic() { NO_COLOR=1 "$bin" "$@"; }
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

{
    ic run --store store.sqlite --fixed-clock 2026-11-24T10:00:00Z --seed 5 --user admin "$here/setup.chat" 2>&1
    echo "--- the channel (exit code follows)"
    ic run --store store.sqlite --channel responders.yaml --fixed-clock 2026-11-24T10:06:00Z --seed 6 --user alice --keep-going "$here/responders.chat" 2>&1
    echo "exit $?"
    echo "--- chime"
    ic exec --store store.sqlite --channel chime.yaml '@aws ssm-incidents list-incident-records' 2>&1
    echo "exit $?"
} | sed -E "s#$here/##; s/in [0-9]+\.[0-9]+s$/in TIME/" > transcript
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then cp transcript "$here/transcript.expected"; fi
if diff -u "$here/transcript.expected" transcript; then ok "the channel's transcript is golden"; else fail "the transcript differs from channel/transcript.expected"; fi

python3 - commands.log.jsonl > log-check 2>&1 <<'PY'
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1])]
outcomes = [e["outcome"] for e in entries]
assert all(e["user"] == "alice" and e["channel"] == "slack:acme/#db-incidents" for e in entries), "user and channel"
assert "AccessDeniedException" in outcomes, outcomes
denied = [e for e in entries if e["outcome"] == "AccessDeniedException"][0]
assert denied["permission"]["decision"] == "deny" and denied["permission"]["action"] == "ssm-incidents:DeleteResponsePlan", denied
assert all(len(e["requestId"]) == 36 for e in entries)
print(f"{len(entries)} entries, outcomes {sorted(set(outcomes))}")
PY
if [ $? = 0 ]; then ok "the command log records each command, its decision and outcome ($(cat log-check))"; else fail "the command log: $(cat log-check)"; fi

ic exec --store store.sqlite --channel responders.yaml --notifications notes.txt --fixed-clock 2026-11-24T11:00:00Z \
    "@aws ssm-incidents update-incident-record --arn $(ic exec --store store.sqlite '@aws ssm-incidents list-incident-records --query incidentRecordSummaries[0].arn --output text') --summary 'All clear'" >/dev/null 2>&1
grep -q "Summary updated: DB down" notes.txt && ok "--notifications writes deliveries to a file" || { fail "--notifications"; cat notes.txt; }

echo "channel.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
