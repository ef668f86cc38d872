#!/usr/bin/env bash
# The emulator server end to end: `incident-chat serve` on a free loopback
# port, driven by boto3 (every ssm-incidents operation, paginators, error
# classes, ssm-contacts over JSON 1.1; a pattern-breaking value to every
# operation with a patterned member, constraints_driver.py) and by the AWS CLI; wrong credentials
# and tampered signatures refused; hostile requests answered without a crash
# or a change of state; SIGTERM with a request in flight, then a clean exit.
# Usage: Tests/EndToEnd/server.sh PATH/TO/incident-chat
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! python3 -c 'import boto3' 2>/dev/null; then
  echo "server.sh: skipped: boto3 is not installed (pip install boto3)"
  exit 0
fi

"$BIN" serve --port 0 --store "$WORK/store.sqlite" --header-timeout 2 --request-timeout 2 --log-level warning \
  >"$WORK/out" 2>"$WORK/err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
  grep -q 'listening on' "$WORK/out" 2>/dev/null && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "server.sh: the server did not start"; cat "$WORK/err"; exit 1; }
  sleep 0.1
done
ENDPOINT=$(grep -o 'http://[0-9.]*:[0-9]*' "$WORK/out" | head -1)
[ -n "$ENDPOINT" ] || { echo "server.sh: no listening line"; cat "$WORK/out" "$WORK/err"; exit 1; }
echo "server.sh: $ENDPOINT"

alive() { kill -0 "$SERVER_PID" 2>/dev/null || { echo "server.sh: the server died"; cat "$WORK/err"; exit 1; }; }

echo "boto3:"
python3 "$HERE/server_driver.py" "$ENDPOINT" sdk
alive

echo "constraints (boto3, client-side validation off):"
python3 "$HERE/constraints_driver.py" "$ENDPOINT"
alive

if command -v aws >/dev/null 2>&1; then
  echo "AWS CLI:"
  export AWS_ACCESS_KEY_ID=AKIDINCIDENTCHAT AWS_SECRET_ACCESS_KEY=incident-chat-local AWS_DEFAULT_REGION=us-east-1
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_PAGER=
  awsx() { aws --endpoint-url "$ENDPOINT" --output json "$@"; }
  PLAN=$(awsx ssm-incidents create-response-plan --name cli-plan --incident-template title=From-the-CLI,impact=4 \
         --query arn --output text)
  [ "$PLAN" = "arn:aws:ssm-incidents::111122223333:response-plan/cli-plan" ] || { echo "  FAIL create-response-plan: $PLAN"; exit 1; }
  echo "  ok create-response-plan"
  ARN=$(awsx ssm-incidents start-incident --response-plan-arn "$PLAN" --query incidentRecordArn --output text)
  awsx ssm-incidents create-timeline-event --incident-record-arn "$ARN" --event-time 2026-11-24T10:00:00Z \
    --event-type "Custom Event" --event-data '"Failover started"' >/dev/null
  echo "  ok start-incident, create-timeline-event"
  N=$(awsx ssm-incidents list-timeline-events --incident-record-arn "$ARN" --page-size 1 --query 'length(eventSummaries)')
  [ "$N" = "2" ] || { echo "  FAIL list-timeline-events paginated by the CLI: $N"; exit 1; }
  echo "  ok list-timeline-events (--page-size 1, the CLI joins the pages)"
  set +e
  awsx ssm-incidents get-incident-record --arn "${ARN}x" >/dev/null 2>"$WORK/cli-err"; STATUS=$?
  set -e
  case $STATUS in 254|255) true;; *) false;; esac && grep -q ResourceNotFoundException "$WORK/cli-err" \
    || { echo "  FAIL get-incident-record on a missing arn: exit $STATUS"; cat "$WORK/cli-err"; exit 1; }
  echo "  ok get-incident-record on a missing arn: exit $STATUS (254 in CLI v2, 255 in v1), ResourceNotFoundException"
  set +e
  AWS_SECRET_ACCESS_KEY=wrong awsx ssm-incidents list-response-plans >/dev/null 2>"$WORK/cli-err"; STATUS=$?
  set -e
  case $STATUS in 254|255) true;; *) false;; esac && grep -q InvalidSignatureException "$WORK/cli-err" \
    || { echo "  FAIL wrong secret through the CLI: exit $STATUS"; cat "$WORK/cli-err"; exit 1; }
  echo "  ok wrong secret: exit $STATUS, InvalidSignatureException"
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_DEFAULT_REGION AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE AWS_PAGER
else
  echo "AWS CLI: skipped: aws is not installed (pip install awscli)"
fi
alive

echo "authentication:"
python3 "$HERE/server_driver.py" "$ENDPOINT" auth
alive

echo "hostile requests:"
python3 "$HERE/server_driver.py" "$ENDPOINT" hostile
alive

echo "shutdown:"
python3 "$HERE/server_driver.py" "$ENDPOINT" shutdown "$SERVER_PID"
set +e
wait "$SERVER_PID"; STATUS=$?
set -e
SERVER_PID=
[ "$STATUS" = 0 ] || { echo "  FAIL the server exited with $STATUS after SIGTERM"; cat "$WORK/err"; exit 1; }
grep -q 'serve: stopped' "$WORK/err" || { echo "  FAIL no 'stopped' line"; cat "$WORK/err"; exit 1; }
echo "  ok SIGTERM: exit 0"
# The store was closed cleanly: another process reads it, the last event included.
"$BIN" exec --store "$WORK/store.sqlite" --output json \
  'ssm-incidents list-incident-records' >"$WORK/records.json"
grep -q '"arn"' "$WORK/records.json" || { echo "  FAIL the store does not read back"; cat "$WORK/records.json"; exit 1; }
echo "  ok the store reads back after shutdown"
echo "server.sh: passed"
