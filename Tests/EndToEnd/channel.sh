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

# Aliases are kept in the store: one process saves, the next lists and runs.
ic exec --store aliases.sqlite '@aws alias create plans @aws ssm-incidents list-response-plans --query $What' >/dev/null 2>&1
ic exec --store aliases.sqlite '@aws ssm-incidents create-replication-set --regions us-east-1={}' >/dev/null 2>&1
listed=$(ic exec --store aliases.sqlite '@aws alias list' 2>&1)
ran=$(ic exec --store aliases.sqlite "@aws run plans What='length(responsePlanSummaries)'" 2>&1)
if [[ $listed == plans* ]] && [ "$ran" = 0 ]; then ok "an alias saved by one process is listed and run by the next"; else fail "alias persistence: '$listed' / '$ran'"; fi
bad=$(ic exec --store aliases.sqlite '@aws alias create no!good @aws ssm-incidents list-response-plans' 2>&1); code=$?
[ $code = 252 ] && [[ $bad == *"invalid-alias-name"* || $bad == *"alias name"* ]] && ok "a bad alias name is refused (252)" || fail "bad alias name: $code $bad"
missing=$(ic exec --store aliases.sqlite '@aws run plans' 2>&1); code=$?
[ $code = 252 ] && [[ $missing == *What* ]] && ok "a missing alias variable is named" || fail "missing variable: $code $missing"

# Aliases are commands of the channel: membership and the role decide, and
# each is logged with its decision; refusals before the gate are logged too.
m() { ic exec --store members.sqlite --channel members.yaml "$@"; }
m --user alice '@aws alias create lq "@aws ssm-incidents list-incident-records --max-results 1"' >alice-create.out 2>&1; code=$?
[ $code = 0 ] && grep -q "Alias lq saved" alice-create.out && ok "a member with the template creates an alias" || fail "alice's alias: $code $(cat alice-create.out)"
m --user alice '@aws run lq' >alice-run.out 2>&1; code=$?
[ $code = 0 ] && grep -q incidentRecordSummaries alice-run.out \
    && ok "an alias saved with its command in quotes runs (the quotes are removed)" || fail "run lq: $code $(cat alice-run.out)"
listed=$(m --user alice '@aws alias list' 2>&1)
[ "$listed" = "$(printf 'lq\t@aws ssm-incidents list-incident-records --max-results 1')" ] && ok "the alias is kept without its quotes" || fail "alias list: $listed"
for message in '@aws alias create x @aws ssm-incidents list-incident-records' '@aws alias delete lq' '@aws run lq'; do
    m --user mallory "$message" >mallory.out 2>&1; code=$?
    if [ $code = 254 ] && grep -q "AccessDeniedException" mallory.out && grep -q "mallory is not a member" mallory.out && ! grep -q "saved\|deleted" mallory.out; then
        ok "mallory (not a member) is refused: $message"
    else
        fail "mallory: $message: $code $(cat mallory.out)"
    fi
done
m --user bob '@aws alias create mine @aws ssm-incidents list-incident-records' >bob.out 2>&1; code=$?
[ $code = 254 ] && grep -q "chatbot:CreateCustomAction" bob.out && grep -q "no statement of role ReadOnly" bob.out \
    && ok "a member with a read-only role may not create an alias" || fail "bob's alias: $code $(cat bob.out)"
m --user alice "@aws ssm-incidents list-incident-records --filters 'key=status" >parse.out 2>&1; code=$?
[ $code = 252 ] && ok "a message that does not parse is refused (252)" || fail "parse error: $code $(cat parse.out)"
listed=$(m --user alice '@aws alias list' 2>&1)
[[ $listed == lq* ]] && ok "mallory's refused delete changed nothing" || fail "after mallory: $listed"

python3 - members.log.jsonl > members-check 2>&1 <<'PY'
import json, sys
entries = [json.loads(line) for line in open(sys.argv[1])]
def one(user, command):
    found = [e for e in entries if e["user"] == user and e["command"] == command]
    assert len(found) == 1, (user, command, entries)
    return found[0]
e = one("alice", '@aws alias create lq "@aws ssm-incidents list-incident-records --max-results 1"')
assert e["outcome"] == "ok" and e["permission"]["action"] == "chatbot:CreateCustomAction" and e["permission"]["decision"] == "allow", e
e = one("alice", "@aws run lq")
assert e["permission"]["action"] == "chatbot:InvokeCustomAction" and e["outcome"] == "ok", e
assert e["permission"]["resource"] == "arn:aws:chatbot::111122223333:custom-action/lq", e
e = one("alice", "@aws ssm-incidents list-incident-records --max-results 1")
assert e["permission"]["action"] == "ssm-incidents:ListIncidentRecords" and e["outcome"] == "ok", e
for command, action in [("@aws alias create x @aws ssm-incidents list-incident-records", "chatbot:CreateCustomAction"),
                        ("@aws alias delete lq", "chatbot:DeleteCustomAction"), ("@aws run lq", "chatbot:InvokeCustomAction")]:
    e = one("mallory", command)
    assert e["permission"]["action"] == action and e["permission"]["decision"] == "deny", e
    assert e["outcome"] == "AccessDeniedException" and "mallory is not a member" in e["reason"], e
e = one("bob", "@aws alias create mine @aws ssm-incidents list-incident-records")
assert e["outcome"] == "AccessDeniedException" and "implicit deny" in e["reason"], e
e = one("alice", "@aws ssm-incidents list-incident-records --filters 'key=status")
assert e["outcome"] == "InvalidCommand" and e["permission"] is None and "unterminated" in e["reason"], e
print(f"{len(entries)} entries")
PY
if [ $? = 0 ]; then ok "every alias command and refusal is in the log with its decision and reason ($(cat members-check))"; else fail "the members log: $(cat members-check)"; fi

echo "channel.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
