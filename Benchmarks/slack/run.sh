#!/usr/bin/env bash
# Issue 19's Slack figures over HTTP, against serve (SQLite, a bot token, the
# Events API) and the fake Slack of the end-to-end tests:
#  - an event's acknowledgement under 200 events a second for 10 s
#    (events_ack.py; each a mention that runs list-incident-records);
#  - 1,000 notifications a minute across 50 incidents, each incident's
#    delivered in order in its own thread (notifications.py: mentions that add
#    timeline events cause them; it reads what reached the fake Slack).
# Usage: Benchmarks/slack/run.sh [BINARY] [PER_MINUTE] [SECONDS] [INCIDENTS]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(realpath "${1:-$root/.build/release/incident-chat}")
per_minute=${2:-1000} seconds=${3:-60} incidents=${4:-50}
work=$(mktemp -d)
source "$root/Tests/EndToEnd/support/common.sh"
server_pid= helper_pid=
trap 'stop_serve; stop_helper; rm -rf "$work"' EXIT
cd "$work"
start_helper slack.port python3 "$root/Tests/EndToEnd/slack/fake_slack.py" slack.jsonl slack.port
[ -n "$helper_url" ] || { echo "the fake Slack did not start"; exit 1; }
cat > ops.yaml <<YAML
slack: {channel-id: C0OPS, users: {U0BOB: bob}}
role: {name: IncidentChatRole, template: incident-manager}
topics:
  - arn: arn:aws:sns:us-east-1:111122223333:ops-alerts
    policy:
      Version: "2012-10-17"
      Statement: [{Effect: Allow, Principal: {Service: ssm-incidents.amazonaws.com}, Action: SNS:Publish, Resource: "*"}]
YAML
{
  echo '@aws ssm-incidents create-replication-set --regions us-east-1={}'
  echo '@aws ssm-incidents create-response-plan --name db --incident-template title=Down,impact=3 --chat-channel chatbotSns=arn:aws:sns:us-east-1:111122223333:ops-alerts'
  for i in $(seq 1 "$incidents"); do
    echo "@aws ssm-incidents start-incident --response-plan-arn arn:aws:ssm-incidents::111122223333:response-plan/db --title 'Incident $i' --query incidentRecordArn --output text"
  done
} > setup.chat
"$bin" run --store bench.sqlite setup.chat 2>/dev/null | grep '^arn:' > arns
[ "$(wc -l < arns)" = "$incidents" ] || { echo "setup: $(cat arns)"; exit 1; }
secret=bench-signing-secret
SLACK_SIGNING_SECRET=$secret SLACK_BOT_TOKEN=xoxb-bench start_serve server "$bin" --store bench.sqlite --channel ops.yaml \
    --slack-api-url "$helper_url/api" --log-level warning
[ -n "$endpoint" ] || { echo "serve did not start: $(cat server.err)"; exit 1; }
echo "Slack events: $(python3 "$here/events_ack.py" "${endpoint#http://}" "$secret" 200 10)"
out=$(python3 "$here/notifications.py" "$endpoint" "$secret" slack.jsonl arns "$per_minute" "$seconds"); status=$?
echo "Slack notifications: $out"
exit $status
