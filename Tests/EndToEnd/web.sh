#!/usr/bin/env bash
# The channel in a browser, end to end: `incident-chat serve --channel` on a
# free loopback port with a channel file of two members whose passwords
# `incident-chat channel passwd` set; two headless Chromium browsers (Selenium)
# sign in as alice and bob, talk, run commands, and see each other's messages
# and the incident's notifications arrive live (web_driver.py). The service
# routes beside the page still speak the wire protocols and still need SigV4.
# Screenshots go to .build/web-channel*.png.
# Usage: Tests/EndToEnd/web.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$here/support/common.sh"
work=$(mktemp -d)
server_pid=
cleanup() { stop_serve; rm -rf "$work"; }
trap cleanup EXIT

require_browser web.sh

cd "$work"
cp "$here/web/channel.yaml" channel.yaml

# Passwords: written as bcrypt hashes into the file; a non-member and a short password are refused.
printf 'alice-secret-1\n' | "$bin" channel passwd channel.yaml alice 2>passwd.err
status=$?
if [ "$status" = 0 ] && grep -q '^  alice: "\$2b\$10\$' channel.yaml; then ok "channel passwd writes alice's bcrypt hash"; else fail "channel passwd alice ($status): $(cat passwd.err)"; fi
printf 'bob-secret-22\n' | "$bin" channel passwd channel.yaml bob 2>>passwd.err
status=$?
if [ "$status" = 0 ] && grep -q '^  bob: "\$2b\$' channel.yaml; then ok "channel passwd writes bob's"; else fail "channel passwd bob ($status)"; fi
printf 'whatever-long\n' | "$bin" channel passwd channel.yaml mallory 2>mallory.err
status=$?
if [ "$status" = 253 ] && grep -q "not a member" mallory.err; then ok "channel passwd refuses a non-member (253)"; else fail "channel passwd mallory ($status): $(cat mallory.err)"; fi
if ! grep -q alice-secret channel.yaml; then ok "the file holds no password in the clear"; else fail "a password in the clear"; fi

# The response plan, through a terminal session on the same store.
"$bin" run --store store.sqlite "$here/web/setup.chat" >setup.out 2>&1
status=$?
if [ "$status" = 0 ]; then ok "the response plan is set up"; else fail "setup ($status): $(cat setup.out)"; fi

start_serve serve "$bin" --store store.sqlite --channel channel.yaml
if [ -n "$endpoint" ]; then ok "serve --channel listens ($endpoint)"; else fail "serve did not start: $(cat serve.err)"; finish web.sh; fi
if grep -q "in a browser: GET /" serve.out; then ok "serve names the channel page"; else fail "no page in: $(cat serve.out)"; fi

# The service routes beside the page: an unsigned call is refused, a signed one answers.
code=$(curl -s -o unsigned.json -w '%{http_code}' -X POST "$endpoint/listResponsePlans" -H 'Content-Type: application/json' -d '{}')
if [ "$code" = 403 ]; then ok "an unsigned service call is refused (403)"; else fail "unsigned call: $code $(cat unsigned.json)"; fi
python3 - "$endpoint" >signed.out 2>&1 <<'PY'
import sys, boto3
c = boto3.client("ssm-incidents", endpoint_url=sys.argv[1], region_name="us-east-1",
                 aws_access_key_id="AKIDINCIDENTCHAT", aws_secret_access_key="incident-chat-local")
print([p["name"] for p in c.list_response_plans()["responsePlanSummaries"]])
PY
status=$?
if [ "$status" = 0 ] && grep -q "web-db" signed.out; then ok "a signed call still works beside the page"; else fail "signed call ($status): $(cat signed.out)"; fi

# The page in two browsers.
mkdir -p "$root/.build"
drive driver "the browser driver" "$here/web_driver.py" "$endpoint" "$root/.build"

# The socket itself, with bad input.
drive socket "the socket driver" "$here/web_socket.py" "$endpoint" alice alice-secret-1

# What the page did is in the store and the log.
arn=$(grep -o 'arn:aws:ssm-incidents::111122223333:incident-record/web-db/[a-z0-9-]*' driver.out | head -1)
if [ -n "$arn" ]; then
    "$bin" exec --store store.sqlite "@aws ssm-incidents get-incident-record --arn $arn --query incidentRecord.title --output text" >title.out 2>&1
    status=$?
    if [ "$status" = 0 ] && [ "$(cat title.out)" = "Database down" ]; then ok "bob's denied command changed nothing"; else fail "title ($status): $(cat title.out)"; fi
    "$bin" exec --store store.sqlite "@aws ssm-incidents list-timeline-events --incident-record-arn $arn --query \"eventSummaries[?eventType=='Custom Event'] | length(@)\" --output text" >events.out 2>&1
    status=$?
    if [ "$status" = 0 ] && [ "$(cat events.out)" = 1 ]; then ok "alice's timeline event is in the store"; else fail "events ($status): $(cat events.out)"; fi
    "$bin" exec --store store.sqlite "@aws ssm-incidents list-timeline-events --incident-record-arn $arn --query \"eventSummaries[?eventType=='Note'] | length(@)\" --output text" >notes.out 2>&1
    status=$?
    if [ "$status" = 0 ] && [ "$(cat notes.out)" = 1 ]; then ok "the pinned message is a Note in the store"; else fail "notes ($status): $(cat notes.out)"; fi
else
    fail "the driver printed no incident ARN"
fi
if grep -q '"user":"bob"' web-ops.log.jsonl 2>/dev/null && grep '"user":"bob"' web-ops.log.jsonl | grep -q AccessDenied; then
    ok "the command log has bob's denial"
else
    fail "no denial of bob in the log: $(cat web-ops.log.jsonl 2>/dev/null | tail -3)"
fi

stop_serve

# Several channels on one server: `/` lists them, each is a page of its own.
cp "$here/web/second.yaml" second.yaml
start_serve twice "$bin" --store store.sqlite --channel channel.yaml --channel second.yaml
if [ -n "$endpoint" ] && grep -q "2 channels in a browser: GET / lists them" twice.out && grep -q "/c/data-team/" twice.out; then
    ok "serve with two --channel files names both pages"
else
    fail "serve with two channels: $(cat twice.out twice.err)"
fi
if [ -n "$endpoint" ]; then
    drive channels "the channels driver" "$here/web_channels.py" "$endpoint" "$root/.build"
fi
stop_serve
"$bin" serve --port 0 --store store.sqlite --channel channel.yaml --channel channel.yaml >same.out 2>same.err
status=$?
if [ "$status" = 253 ] && grep -q "are both the channel slack:acme/#web-ops" same.err; then
    ok "two files of one channel are refused (253)"
else
    fail "the same channel twice ($status): $(cat same.err)"
fi

finish web.sh
