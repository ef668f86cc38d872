#!/usr/bin/env bash
# Connectors to real chat clients, end to end: `incident-chat serve` with a
# Slack signing secret on a free loopback port answers signed slash commands
# (and refuses forged, stale and unsigned ones with 401, running nothing);
# the notifications its commands cause reach a local webhook receiver in
# Slack's and Amazon Chime's formats, after retries on 500 and 429; a webhook
# that always fails is recorded in the channel's failure record; the command
# line's sessions (exec) deliver to the webhooks too.
# Usage: Tests/EndToEnd/connectors.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/connectors" && pwd)
work=$(mktemp -d)
source "$here/../support/common.sh"
server_pid= receiver_pid=
cleanup() {
    stop_serve
    [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null && wait "$receiver_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

# The webhook receiver.
python3 "$here/receiver.py" received.jsonl receiver.port & receiver_pid=$!
for _ in $(seq 1 50); do [ -s receiver.port ] && break; sleep 0.1; done
[ -s receiver.port ] || { fail "the webhook receiver did not start"; finish connectors.sh; }
hooks="http://127.0.0.1:$(cat receiver.port)"

cat > ops.yaml <<YAML
platform: slack
workspace: acme
channel: ops
logging: true
log: ./ops.log.jsonl
members: [alice, bob]
role:
  name: IncidentChatRole
  template: incident-manager
topics:
  - arn: arn:aws:sns:us-east-1:111122223333:ops-alerts
    policy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: {Service: ssm-incidents.amazonaws.com}
          Action: SNS:Publish
          Resource: arn:aws:sns:us-east-1:111122223333:ops-alerts
          Condition: {StringEqualsIfExists: {AWS:SourceAccount: "111122223333"}}
webhooks:
  - {kind: slack, url: "$hooks/flaky/2/500/slack"}
  - {kind: chime, url: "$hooks/flaky/1/429/chime"}
  - {kind: slack, url: "$hooks/always-fail/slack"}
delivery: {attempts: 3, backoff: 0.05, max-backoff: 0.2, timeout: 2}
YAML

arn=$("$bin" run --store store.sqlite "$here/setup.chat" 2>/dev/null | tail -1)
[[ $arn == arn:aws:ssm-incidents::111122223333:incident-record/db/* ]] || { fail "setup: $arn"; finish connectors.sh; }

# The server, with the signing secret from the environment.
secret=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
SLACK_SIGNING_SECRET=$secret start_serve server "$bin" --store store.sqlite --channel ops.yaml --log-level warning
[ -n "$endpoint" ] || { fail "the server did not start: $(cat server.out server.err)"; finish connectors.sh; }
grep -q 'Slack slash commands: POST /slack/commands (channel slack:acme/#ops)' server.out \
    && ok "serve announces the slash command endpoint" || fail "serve's start line: $(cat server.out)"

if python3 "$here/slack_client.py" "$endpoint/slack/commands" "$secret" "$arn"; then
    ok "slash commands: signed ones run, forged ones get 401"
else
    fail "slash commands (above)"
fi

# A log that cannot be opened (a folder stands where it should be): the Slack
# user is told so without the server's path; the server's log has the path.
mv ops.log.jsonl ops.log.saved && mkdir ops.log.jsonl
python3 "$here/slack_client.py" "$endpoint/slack/commands" "$secret" "$arn" --one "ssm-incidents list-incident-records" >unopenable.out 2>&1
code=$?
rmdir ops.log.jsonl && mv ops.log.saved ops.log.jsonl
if [ $code = 0 ] && grep -q "command log cannot be opened" unopenable.out && ! grep -q "$work\|ops.log" unopenable.out \
   && grep -q "$work/ops.log.jsonl" server.err; then
    ok "a log that cannot be opened is not shown to the Slack user by its path (the server's log has it)"
else
    fail "unopenable log: $code $(cat unopenable.out) / $(tail -3 server.err)"
fi

# SigV4 still guards the service routes.
code=$(python3 -c '
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b"{}", method="POST"), timeout=10)
    print(200)
except urllib.error.HTTPError as e:
    print(e.code)' "$endpoint/listIncidentRecords")
[ "$code" = 403 ] && ok "the service routes still want SigV4 (403)" || fail "unsigned service call: $code"

# The server sends what is still queued before it exits.
kill -TERM "$server_pid"; wait "$server_pid"; status=$?; server_pid=
[ "$status" = 0 ] && ok "the server stops cleanly on SIGTERM" || fail "the server exited with $status: $(tail -5 server.err)"

# One more notification from a command-line session, to the same webhooks.
"$bin" exec --store store.sqlite --channel ops.yaml --user bob \
    "@aws ssm-incidents update-incident-record --arn $arn --impact 1" >/dev/null 2>exec.err
grep -q "warning: the notification .*was not delivered to the slack webhook $hooks/always-fail/slack after 3 attempts (HTTP 500" exec.err \
    && ok "exec warns about the webhook that failed, after its retries" || fail "exec's warning: $(cat exec.err)"

# A webhook that does not answer in time: each attempt is cut at the timeout.
sed -e '/^webhooks:/,$d' ops.yaml > slow.yaml
cat >> slow.yaml <<YAML
webhooks:
  - {kind: chime, url: "$hooks/hang/5/chime"}
delivery: {attempts: 2, backoff: 0, timeout: 0.5, failures: slow-failures.jsonl}
YAML
start=$(date +%s.%N)
"$bin" exec --store store.sqlite --channel slow.yaml --user bob \
    "@aws ssm-incidents update-incident-record --arn $arn --impact 2" >/dev/null 2>slow.err
took=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
if python3 -c "import json,sys; f=json.loads(open('slow-failures.jsonl').readline()); sys.exit(not (f['status'] is None and f['attempts'] == 2 and 'no answer within' in f['error']))" 2>/dev/null \
   && python3 -c "import sys; sys.exit(not (0.9 < $took < 4))"; then
    ok "a webhook that hangs is cut at the timeout and recorded (${took}s for two attempts of 0.5s)"
else
    fail "the hanging webhook (${took}s): $(cat slow.err slow-failures.jsonl 2>&1)"
fi

python3 - "$hooks" <<'PY' > deliveries 2>&1
import json, sys
hooks = sys.argv[1]
got = [json.loads(line) for line in open("received.jsonl")]
def on(path): return [r for r in got if r["path"] == path]
slack, chime, dead = on("/flaky/2/500/slack"), on("/flaky/1/429/chime"), on("/always-fail/slack")
# Three notifications: the timeline event, the summary (from Slack) and the impact (from exec).
assert [r["status"] for r in slack] == [500, 500, 200, 200, 200], [r["status"] for r in slack]
assert [r["status"] for r in chime] == [429, 200, 200, 200], [r["status"] for r in chime]
assert [r["status"] for r in dead] == [500] * 9, [r["status"] for r in dead]
assert all(r["contentType"].startswith("application/json") for r in got)
delivered = [json.loads(r["body"]) for r in slack if r["status"] == 200]
assert "Timeline event added" in delivered[0]["text"] and "blocks" in delivered[0], delivered[0]
assert any("Replica promoted" in json.dumps(m) for m in delivered), delivered
assert any("Impact" in m["text"] for m in delivered), [m["text"] for m in delivered]
content = [json.loads(r["body"])["Content"] for r in chime if r["status"] == 200]
assert all(c.startswith("/md **") for c in content) and "Failover started" in content[0], content
# A retried message is the same message.
assert slack[0]["body"] == slack[2]["body"] and chime[0]["body"] == chime[1]["body"]
failures = [json.loads(line) for line in open("ops.webhook-failures.jsonl")]
assert len(failures) == 3, failures
for f in failures:
    assert f["webhook"] == hooks + "/always-fail/slack" and f["status"] == 500 and f["attempts"] == 3, f
    assert f["kind"] == "slack" and f["channel"] == "slack:acme/#ops" and f["error"] == "failing on purpose", f
    assert f["incident"].startswith("arn:aws:ssm-incidents::111122223333:incident-record/db/") and json.loads(f["body"])["text"], f
log = [json.loads(line) for line in open("ops.log.jsonl")]
users = sorted({e["user"] for e in log})
assert users == ["alice", "bob", "mallory"], users
print(f"{len(got)} requests received, {len(failures)} failures recorded")
PY
if [ $? = 0 ]; then ok "webhooks got the Slack and Chime payloads after retries; the dead one is recorded ($(cat deliveries))"
else fail "deliveries: $(cat deliveries)"; fi

python3 - <<'PY' > slack-log 2>&1
import json
log = [json.loads(line) for line in open("ops.log.jsonl")]
def find(user, start):
    found = [e for e in log if e["user"] == user and e["command"].startswith(start)]
    assert found, (user, start, [e["command"] for e in log])
    return found
for e in find("mallory", "@aws alias create x"):
    assert e["permission"]["action"] == "chatbot:CreateCustomAction" and e["outcome"] == "AccessDeniedException", e
for e in find("mallory", "@aws run lq"):
    assert e["permission"]["action"] == "chatbot:InvokeCustomAction" and "not a member" in e["reason"], e
assert find("alice", "@aws run lq")[0]["outcome"] == "ok"
for start, reason in [("@aws ssm-incidents list-incident-records --filters", "unterminated"),
                      ("@aws ssm-incidents get-incident-record --arn ${PATH}", "cannot read environment variables"),
                      ("@aws ssm-incidents update-incident-record --arn", "file://"),
                      ("@aws ssm-incidents list-incident-recrods", "list-incident-records")]:
    e = find("alice", start)[-1]
    assert e["outcome"] == "InvalidCommand" and reason in e["reason"], (start, e)
assert not any("/usr/" in json.dumps(e) for e in log), "an environment value in the log"
print(f"{len(log)} entries")
PY
if [ $? = 0 ]; then ok "Slack's refused commands and alias commands are in the log with their reasons ($(cat slack-log))"
else fail "the Slack command log: $(cat slack-log)"; fi

finish connectors.sh
