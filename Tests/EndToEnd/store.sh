#!/usr/bin/env bash
# The binary over a real SQLite store: the seed commands with golden output,
# persistence across processes, two processes writing one store at once,
# exit codes, and stores it must refuse without touching them.
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
expect_code() {  # expect_code WHAT CODE command...
    local what=$1 code=$2; shift 2
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" = "$code" ]; then ok "$what (exit $code)"; else fail "$what: exit $got, expected $code"; sed 's/^/     | /' "$work/err" | head -5; fi
}
ic() { NO_COLOR=1 "$bin" "$@" --user responder; }

# The seed commands, with golden output (UPDATE_GOLDEN=1 rewrites it).
actual=$(ic run --store "$work/seed.sqlite" --fixed-clock 2026-11-24T10:00:00Z --seed 42 "$here/seed.chat" 2>&1 | sed -E 's/in [0-9]+\.[0-9]+s$/in TIME/')
if [ "${UPDATE_GOLDEN:-}" = 1 ]; then printf '%s\n' "$actual" > "$here/seed.expected"; fi
if diff -u "$here/seed.expected" <(printf '%s\n' "$actual") >"$work/diff"; then ok "the seed commands print their golden transcript"; else fail "the seed commands differ from seed.expected"; head -30 "$work/diff"; fi

# Persistence across processes.
store="$work/store.sqlite"
ic exec --store "$store" '@aws ssm-incidents create-replication-set --regions us-east-1={}' >/dev/null
plan=$(ic exec --store "$store" '@aws ssm-incidents create-response-plan --name p --incident-template title=T,impact=3 --query arn --output text')
incident=$(ic exec --store "$store" "@aws ssm-incidents start-incident --response-plan-arn $plan --query incidentRecordArn --output text")
title=$(ic exec --store "$store" "@aws ssm-incidents get-incident-record --arn $incident --query incidentRecord.title --output text")
[ "$title" = T ] && ok "an incident started by one process is read by the next" || fail "persistence: got title '$title'"

# Two processes write one store at once: nothing is lost.
n=10000
python3 - "$incident" "$n" > "$work/events.chat" <<'PY'
import sys
arn, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    print(f'@aws ssm-incidents create-timeline-event --incident-record-arn {arn} --event-time 2026-11-24T10:00:00Z --event-type "Custom Event" --event-data \'"{i}"\'')
PY
ic run --store "$store" "$work/events.chat" >/dev/null 2>"$work/a.err" & a=$!
ic run --store "$store" "$work/events.chat" >/dev/null 2>"$work/b.err" & b=$!
wait $a; ca=$?; wait $b; cb=$?
count=$(ic exec --store "$store" "@aws ssm-incidents list-timeline-events --incident-record-arn $incident --filters key=eventType,condition={equals={stringValues=[\"Custom Event\"]}} --query 'length(eventSummaries)' --output text")
if [ "$ca" = 0 ] && [ "$cb" = 0 ] && [ "$count" = $((2 * n)) ]; then ok "two processes wrote 2 x $n events: exactly $count"; else fail "concurrent writers: exits $ca/$cb, $count events"; cat "$work/a.err" "$work/b.err" | tail -3; fi

# Exit codes, as the AWS CLI v2 gives them.
expect_code "a command that does not check" 252 ic exec --memory '@aws ssm-incidents get-incident-record --arnn x'
expect_code "a command that does not parse" 252 ic exec --memory '@aws ssm-incidents get-incident-record --arn "x'
expect_code "a service error" 254 ic exec --memory '@aws ssm-incidents get-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/p/none'
grep -q "ResourceNotFoundException" "$work/err" && ok "the service error names itself" || fail "the service error lacks its name"
expect_code "a bad --fixed-clock" 253 ic exec --memory --fixed-clock yesterday '@aws ssm-incidents list-response-plans'
expect_code "a runbook that stops at its failing line" 254 ic run --memory "$here/seed.chat" "$here/failing.chat"
grep -q "failing.chat:4: An error occurred (ResourceNotFoundException)" "$work/err" && ok "the failing line is named" || { fail "the failing line is not named"; cat "$work/err"; }
grep -q "command.* run, 1 failed" "$work/err" && ok "the summary counts the failure" || fail "no summary"
expect_code "--keep-going runs on, and still fails" 254 ic run --memory --keep-going "$here/failing.chat"
grep -q "3 commands run, 2 failed" "$work/err" && ok "--keep-going ran every command" || { fail "--keep-going summary"; tail -2 "$work/err"; }
expect_code "--dry-run checks and runs nothing" 0 ic run --memory --dry-run "$here/seed.chat"
expect_code "--dry-run reports an unbound name" 252 ic run --memory --dry-run "$here/unbound.chat"
grep -q 'nothing is bound to \$incident' "$work/err" && ok "the unbound name is named" || { fail "unbound name message"; cat "$work/err"; }

# Stores to refuse, untouched.
printf 'this is not a database' > "$work/garbage.sqlite"
before=$(md5sum < "$work/garbage.sqlite")
expect_code "a corrupt store" 253 ic exec --store "$work/garbage.sqlite" '@aws ssm-incidents list-response-plans'
[ "$(md5sum < "$work/garbage.sqlite")" = "$before" ] && ok "the corrupt store is left as it was" || fail "the corrupt store changed"
cp "$store" "$work/newer.sqlite"; rm -f "$work/newer.sqlite-wal" "$work/newer.sqlite-shm"
python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version=99'); c.commit(); c.close()" "$work/newer.sqlite"
before=$(md5sum < "$work/newer.sqlite")
expect_code "a store from a newer version" 253 ic exec --store "$work/newer.sqlite" '@aws ssm-incidents list-response-plans'
grep -qi "newer" "$work/err" && ok "the refusal says the store is newer" || { fail "newer store message"; cat "$work/err"; }
[ "$(md5sum < "$work/newer.sqlite")" = "$before" ] && ok "the newer store is left as it was" || fail "the newer store changed"

echo "store.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
