#!/usr/bin/env bash
# Slack as the app, end to end: `incident-chat serve` with a signing secret, a
# bot token and a Teams secret, against a fake Slack of our own
# (slack/fake_slack.py, which records every Web API call): mentions answered
# in their thread, errors ephemeral, a retried event run once, forged and
# stale requests refused with nothing run, notifications one thread per
# incident, a 429 waited out, bots ignored; a Teams message with a good and a
# forged HMAC; a restart on the same store (threads and pins kept); a page
# acknowledged from its notification's button; then a
# Slack API that is down: the command runs and its reply is recorded as
# undelivered; then Socket Mode through a garbage frame, a
# dropped connection, Slack's disconnect, a connection that never says hello and
# WebSocket upgrades that are never answered.
# Usage: Tests/EndToEnd/slack.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/slack" && pwd)
work=$(mktemp -d)
source "$here/../support/common.sh"
server_pid= helper_pid=
trap 'stop_serve; stop_helper; rm -rf "$work"' EXIT
cd "$work"

start_helper slack.port python3 "$here/fake_slack.py" slack.jsonl slack.port
fake=$helper_url
[ -n "$fake" ] || { fail "the fake Slack did not start"; finish slack.sh; }

cat > ops.yaml <<YAML
platform: slack
workspace: acme
channel: ops
logging: true
members: [alice, bob, carol]
users:
  bob: {contact: dave}            # Acknowledge my page accepts dave's pages
  carol:                          # reads only
    role:
      policies:
        - Version: "2012-10-17"
          Statement: [{Effect: Allow, Action: ["ssm-incidents:List*", "ssm-incidents:Get*"], Resource: "*"}]
slack:
  channel-id: C0OPS
  users: {U0BOB: bob, U0CAROL: carol}
  buttons:
    - text: Escalate
      command: "@aws ssm-incidents update-incident-record --arn \$IncidentArn --impact 1"
      criteria: [{variable: EventType, operator: EQUALS, value: Custom Event}]
role:
  name: IncidentChatRole
  template: incident-manager
topics:
  - arn: arn:aws:sns:us-east-1:111122223333:ops-alerts
    policy: &publish
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: {Service: ssm-incidents.amazonaws.com}
          Action: SNS:Publish
          Resource: [arn:aws:sns:us-east-1:111122223333:ops-alerts, arn:aws:sns:us-east-1:111122223333:incident-chat]
  - arn: arn:aws:sns:us-east-1:111122223333:incident-chat  # the paged incident's (contact-delivery/paged-incident.chat)
    policy: *publish
webhooks:
  - {kind: slack, url: "$fake/incoming-webhook-replaced-by-the-api"}
  - {kind: teams, url: "$fake/teams/workflow"}
delivery: {attempts: 3, backoff: 0.05, max-backoff: 2, timeout: 2}
YAML

arns=$("$bin" run --store store.sqlite "$here/setup.chat" 2>/dev/null | tail -2)
db=$(echo "$arns" | head -1) web=$(echo "$arns" | tail -1)
[[ $db == arn:aws:ssm-incidents::111122223333:incident-record/db/* && $web == arn:aws:ssm-incidents::111122223333:incident-record/web/* ]] \
    || { fail "setup: $arns"; finish slack.sh; }

secret=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
teams=$(python3 -c 'import base64, secrets; print(base64.b64encode(secrets.token_bytes(32)).decode())')
SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-e2e-token TEAMS_SECRET=$teams \
    start_serve server "$bin" --store store.sqlite --channel ops.yaml --slack-api-url "$fake/api" --log-level info
[ -n "$endpoint" ] || { fail "the server did not start: $(cat server.out server.err)"; finish slack.sh; }
grep -q 'Slack events: POST /slack/events (Slack channel C0OPS) Slack buttons: POST /slack/interactivity Teams: POST /teams/messages' server.out \
    && ok "serve announces the Events API and Teams endpoints" || fail "serve's start line: $(cat server.out)"

python3 "$here/slack_driver.py" "$endpoint" "$secret" "$teams" slack.jsonl "$db" "$web" "$fake"
[ $? = 0 ] && ok "Slack events, the Web API and Teams (above)" || fail "Slack events, the Web API and Teams (above)"

grep -q 'does not match.*slack event refused' server.err && grep -q 'from a bot.*slack event ignored' server.err \
    && grep -q 'does not match.*teams request refused' server.err \
    && ok "refused and ignored events are in the server's log" || fail "the server's log: $(grep -i 'slack\|teams' server.err | tail -5)"
! grep -q 'incoming-webhook-replaced-by-the-api' slack.jsonl \
    && ok "with a bot token, the Slack incoming webhook is not used" || fail "the incoming webhook was posted to"
stop_serve

# Started again on the same store: the incident's thread and the pins are kept.
SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-e2e-token TEAMS_SECRET=$teams \
    start_serve again "$bin" --store store.sqlite --channel ops.yaml --slack-api-url "$fake/api" --log-level info
[ -n "$endpoint" ] || { fail "the restarted server did not start: $(cat again.out again.err)"; finish slack.sh; }
python3 "$here/slack_driver.py" "$endpoint" "$secret" "$teams" slack.jsonl "$db" "$web" "$fake" restart
[ $? = 0 ] && ok "a restart keeps the threads and the pins (above)" || fail "a restart keeps the threads and the pins (above)"
stop_serve

# Acknowledge my page: dave was paged by a due step while nothing ran; serve tells the channel at start.
"$bin" run --store paged.sqlite --fixed-clock 2026-11-24T10:00:00Z "$here/../contact-delivery/paged-incident.chat" >paged-run.out 2>&1 \
    || fail "the paged incident's runbook: $(tail -c 300 paged-run.out)"
SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-e2e-token \
    start_serve paged "$bin" --store paged.sqlite --channel ops.yaml --slack-api-url "$fake/api" --log-level info
[ -n "$endpoint" ] || { fail "the paged server did not start: $(cat paged.out paged.err)"; finish slack.sh; }
python3 "$here/slack_driver.py" "$endpoint" "$secret" "$teams" slack.jsonl "$db" "$web" "$fake" paged
[ $? = 0 ] && ok "Acknowledge my page (above)" || fail "Acknowledge my page (above)"
stop_serve

# A Slack API that is down: the command runs, its reply is recorded as undelivered.
count="@aws ssm-incidents list-timeline-events --incident-record-arn $db --query length(eventSummaries) --output text"
before=$("$bin" exec --store store.sqlite "$count" 2>&1)
SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-e2e-token \
    start_serve down "$bin" --store store.sqlite --channel ops.yaml --slack-api-url "http://127.0.0.1:9/api" --log-level warning
[ -n "$endpoint" ] || { fail "the second server did not start: $(cat down.out down.err)"; finish slack.sh; }
python3 - "$endpoint" "$secret" "$db" <<'PY' >down.check 2>&1
import hashlib, hmac, json, sys, time, urllib.request
endpoint, secret, arn = sys.argv[1], sys.argv[2].encode(), sys.argv[3]
text = ("<@U0APP> ssm-incidents create-timeline-event --incident-record-arn " + arn +
        " --event-time 2026-11-24T10:09:00Z --event-type 'Custom Event' --event-data '\"while Slack was down\"'")
body = json.dumps({"type": "event_callback", "event_id": "Ev-DOWN", "team_id": "T0ACME",
                   "authorizations": [{"user_id": "U0APP", "is_bot": True}],
                   "event": {"type": "app_mention", "user": "U0BOB", "text": text, "ts": "1795600999.000001", "channel": "C0OPS"}}).encode()
ts = str(int(time.time()))
sig = "v0=" + hmac.new(secret, b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
request = urllib.request.Request(endpoint + "/slack/events", data=body, method="POST", headers={
    "Content-Type": "application/json", "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": sig})
print(urllib.request.urlopen(request, timeout=10).status)
PY
for _ in $(seq 1 100); do grep -q 'chat.postMessage' ops.webhook-failures.jsonl 2>/dev/null && break; sleep 0.1; done
stop_serve
after=$("$bin" exec --store store.sqlite "$count" 2>&1)
python3 - <<'PY' >down.result 2>&1
import json
failures = [json.loads(line) for line in open("ops.webhook-failures.jsonl")]
replies = [f for f in failures if f["webhook"].endswith("/api/chat.postMessage") and f["kind"] == "slack-api"
           and json.loads(f["body"]).get("thread_ts") == "1795600999.000001"]
assert replies and replies[0]["status"] is None and replies[0]["attempts"] == 3, failures
assert "xoxb-e2e-token" not in open("ops.webhook-failures.jsonl").read()
print(f"{len(failures)} undelivered, the reply among them")
PY
if [ "$(cat down.check)" = 200 ] && [ "$after" = $((before + 1)) ] && grep -q "the reply among them" down.result; then
    ok "a Slack API that is down: the command ran, its reply is in the failure record ($(cat down.result))"
else
    fail "Slack down: ack $(cat down.check), events $before → $after, $(cat down.result)"
fi

# Socket Mode: no public URL, no signing secret; the server connects to the fake Slack itself.
SLACK_APP_TOKEN=xapp-e2e-app-token SLACK_BOT_TOKEN=xoxb-e2e-token \
    start_serve socket "$bin" --store store.sqlite --channel ops.yaml --slack-api-url "$fake/api" --slack-socket-timeout 1 --log-level info
[ -n "$endpoint" ] || { fail "the Socket Mode server did not start: $(cat socket.out socket.err)"; finish slack.sh; }
grep -q 'Slack Socket Mode: on' socket.out && ! grep -q 'POST /slack/events' socket.out \
    && ok "in Socket Mode without a signing secret, no Slack route is served" || fail "Socket Mode's start line: $(cat socket.out)"
python3 "$here/socket_driver.py" "$fake" slack.jsonl "$db"
[ $? = 0 ] && ok "Socket Mode (above)" || fail "Socket Mode (above): $(grep -i socket socket.err | tail -5)"
grep -q 'not an envelope, ignored' socket.err && grep -q 'no hello from Slack' socket.err \
    && ok "the garbage frame and the silent connection are in the server's log" || fail "no log line for the garbage frame or the silent connection"
# The two unanswered upgrades: each logged, each followed by a longer backoff.
upgrades=$(grep -c 'the WebSocket upgrade did not complete' socket.err)
backoffs=$(grep -o 'connecting again in [0-9]* ms' socket.err | tail -2 | tr '\n' ' ')
[ "$upgrades" = 2 ] && [ "$backoffs" = "connecting again in 250 ms connecting again in 500 ms " ] \
    && ok "an upgrade that never completes is logged, and the backoff doubles" || fail "upgrades logged: $upgrades, backoffs: $backoffs"
stop_serve

finish slack.sh
