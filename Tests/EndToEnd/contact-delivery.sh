#!/usr/bin/env bash
# Pages and activation codes leave the machine: `serve` and `exec` with a
# channel file whose contact-delivery sends SMS to a signed webhook and a
# failing Slack webhook, and EMAIL to a fake sendmail; then a sendmail that
# hangs and one that fails, and a page that still records its ERROR receipt.
#   bash Tests/EndToEnd/contact-delivery.sh .build/debug/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/support/common.sh"
work=$(mktemp -d)
server_pid=; receiver_pid=
cleanup() { stop_serve; [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

python3 -c 'import boto3' 2>/dev/null || { echo "contact-delivery.sh: FAILED: boto3 is missing (make test installs it)"; exit 1; }

python3 "$here/connectors/receiver.py" "$work/requests.jsonl" "$work/port" & receiver_pid=$!
for _ in $(seq 1 50); do [ -s "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")

openssl rand -hex 32 > "$work/pager.key" 2>/dev/null || head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$work/pager.key"
# sendmail -t: keeps the message; fails or hangs when told by the file beside it.
cat > "$work/sendmail" <<SH
#!/bin/sh
[ "\$1" = "-t" ] || { echo "expected -t, got \$*" >&2; exit 64; }
cat >> "$work/mailbox"
[ -f "$work/sendmail-hangs" ] && sleep 60
[ -f "$work/sendmail-fails" ] && { echo "no relay host" >&2; exit 75; }
exit 0
SH
chmod +x "$work/sendmail"
cat > "$work/channel.yaml" <<YAML
platform: slack
workspace: acme
channel: ops
log: ops.log.jsonl
delivery: {attempts: 2, backoff: 0, timeout: 1}
contact-delivery:
  - webhook: http://127.0.0.1:$port/ok/pager
    secret-file: pager.key
    types: [SMS]
  - slack: http://127.0.0.1:$port/always-fail/slack
    types: [SMS]
  - sendmail: ./sendmail
YAML

# A channel file that names two adapters in one entry is refused at start, with the place.
printf 'contact-delivery:\n  - slack: https://a.example/x\n    sendmail: /usr/sbin/sendmail\n' > "$work/bad.yaml"
"$bin" exec --memory --channel "$work/bad.yaml" 'ssm-contacts list-contacts' >"$work/bad.out" 2>"$work/bad.err"; code=$?
if [ "$code" = 253 ] && grep -q 'contact-delivery\[0\]' "$work/bad.err" && grep -q 'names one adapter' "$work/bad.err"; then
    ok "a contact delivery with two adapters is refused at start (253, names the entry)"
else fail "a contact delivery with two adapters is refused at start (exit $code: $(head -c 300 "$work/bad.err"))"; fi

start_serve "$work/serve" "$bin" --store "$work/store.sqlite" --channel "$work/channel.yaml"
if [ -n "$endpoint" ]; then ok "serve starts with the channel's contact delivery"; else fail "serve starts ($(cat "$work/serve.err"))"; fi
python3 "$here/contact-delivery/driver.py" "$endpoint" "$work/requests.jsonl" "$work/mailbox" "$work/pager.key" >"$work/driver.out" 2>&1; code=$?
cat "$work/driver.out"
if [ "$code" = 0 ]; then ok "boto3: codes and pages left through the webhook and sendmail, receipts recorded"
else fail "boto3: contact delivery through serve (exit $code)"; fi
grep -q '"kind":"slack"' "$work/ops.webhook-failures.jsonl" 2>/dev/null \
    && ok "the failing Slack webhook is in the failure record" || fail "the failing Slack webhook is in the failure record"
stop_serve

# exec: a command's page is delivered before the process ends; a sendmail that
# hangs is cut at the timeout, and the page records why.
touch "$work/sendmail-hangs"
: > "$work/mailbox"
began=$(date +%s)
"$bin" exec --store "$work/store.sqlite" --channel "$work/channel.yaml" \
    'ssm-contacts start-engagement --contact-id arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice --sender exec --subject "Disk full" --content "Clean up"' \
    >"$work/exec.out" 2>"$work/exec.err"; code=$?
took=$(( $(date +%s) - began ))
if [ "$code" = 0 ] && grep -q 'Subject: Disk full' "$work/mailbox" && [ "$took" -lt 30 ]; then
    ok "exec hands its page to sendmail before it exits; the hanging sendmail is cut (${took}s)"
else fail "exec with a hanging sendmail (exit $code, ${took}s): $(head -c 400 "$work/exec.err")"; fi
grep -q 'did not finish within 1.* and was killed' "$work/exec.err" \
    && ok "exec warns that sendmail was killed at the timeout" || fail "exec warns that sendmail was killed ($(head -c 400 "$work/exec.err"))"
engagement=$(grep -o '"EngagementArn": "[^"]*"' "$work/exec.out" | cut -d'"' -f4)
"$bin" exec --store "$work/store.sqlite" --output text \
    "ssm-contacts list-pages-by-engagement --engagement-id $engagement --query 'Pages[0].PageArn'" >"$work/page" 2>&1
"$bin" exec --store "$work/store.sqlite" \
    "ssm-contacts list-page-receipts --page-id $(cat "$work/page")" >"$work/receipts.json" 2>&1; code=$?
if [ "$code" = 0 ] && grep -q '"ReceiptType": "ERROR"' "$work/receipts.json" \
   && grep -q 'Not delivered by sendmail after 2 attempts' "$work/receipts.json"; then
    ok "the page still has its ERROR receipt, saying why"
else fail "the page's ERROR receipt ($(head -c 600 "$work/receipts.json"))"; fi
rm -f "$work/sendmail-hangs"

# A page that a due step sends while nothing ran is told to the incident's
# chat channel when serve catches up at start: its Slack webhook gets it.
cat > "$work/chat.yaml" <<YAML
platform: slack
workspace: acme
channel: payments
webhooks:
  - {kind: slack, url: "http://127.0.0.1:$port/ok/chat"}
YAML
"$bin" run --store "$work/paged.sqlite" --fixed-clock 2026-11-24T10:00:00Z "$here/contact-delivery/paged-incident.chat" \
    >"$work/paged.out" 2>&1; code=$?
[ "$code" = 0 ] || fail "the paged incident's runbook ran (exit $code: $(tail -c 300 "$work/paged.out"))"
start_serve "$work/paged-serve" "$bin" --store "$work/paged.sqlite" --channel "$work/chat.yaml" --slack-signing-secret s3cret
told=
for _ in $(seq 1 100); do
    grep -q 'Contact paged: Payments failing' "$work/requests.jsonl" 2>/dev/null && { told=1; break; }
    sleep 0.1
done
if [ -n "$told" ] && grep '/ok/chat' "$work/requests.jsonl" | grep 'Contact paged' | grep -q 'dave'; then
    ok "serve's catch-up tells the channel's Slack webhook that dave was paged"
else fail "serve's catch-up tells the channel that dave was paged ($(grep -c /ok/chat "$work/requests.jsonl" 2>/dev/null) chat requests; $(tail -c 300 "$work/paged-serve.err"))"; fi
[ "$(grep '/ok/chat' "$work/requests.jsonl" | grep -c 'Contact paged')" = 1 ] \
    && ok "told once" || fail "told once ($(grep '/ok/chat' "$work/requests.jsonl" | grep -c 'Contact paged') times)"
stop_serve

finish contact-delivery.sh
