#!/usr/bin/env bash
# `incident-chat policy simulate`: decisions, explanations and exit codes
# (0 allowed, 254 denied, 253 bad channel file, 252 bad action).
set -uo pipefail
bin=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
expect() {  # expect WHAT CODE TEXT command...: exit code and a piece of the output
    local what=$1 code=$2 text=$3; shift 3
    NO_COLOR=1 "$@" >"$work/out" 2>&1
    local got=$?
    if [ "$got" != "$code" ]; then fail "$what: exit $got, expected $code"; sed 's/^/     | /' "$work/out" | head -5
    elif ! grep -qF -- "$text" "$work/out"; then fail "$what: output lacks '$text'"; sed 's/^/     | /' "$work/out" | head -5
    else ok "$what (exit $code)"; fi
}

cat > "$work/channel.yaml" <<'YAML'
workspace: acme
role:
  name: Responder
  template: incident-manager
  policies:
    - Version: "2012-10-17"
      Statement:
        - Sid: KeepTheTimeline
          Effect: Deny
          Action: ssm-incidents:DeleteTimelineEvent
          Resource: "*"
members: [alice, bob]
users:
  bob:
    role:
      policies: ["file://bob.json"]
YAML
cat > "$work/bob.json" <<'JSON'
{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm-incidents:List*", "Resource": "*",
  "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}}}]}
JSON
printf 'platform: chime\n' > "$work/chime.yaml"
printf 'role:\n  policies:\n    - Statement: {Effect: allow, Action: "*", Resource: "*"}\n' > "$work/bad.yaml"

expect "default channel allows a seed command" 0 'IncidentManagerChatCommands' "$bin" policy simulate ssm-incidents:UpdateIncidentRecord
expect "default channel denies deleting incidents" 254 'AccessDeniedException' "$bin" policy simulate ssm-incidents:DeleteIncidentRecord arn:aws:ssm-incidents::111122223333:incident-record/db/1
expect "explicit deny names its statement" 254 '"KeepTheTimeline"' "$bin" policy simulate --channel "$work/channel.yaml" --user alice ssm-incidents:DeleteTimelineEvent
expect "a non-member is refused" 254 'carol is not a member' "$bin" policy simulate --channel "$work/channel.yaml" --user carol ssm-incidents:GetIncidentRecord
expect "a user's own role from a file" 0 'role bob-role policy 1' "$bin" policy simulate --channel "$work/channel.yaml" --user bob ssm-incidents:ListTimelineEvents
expect "a user's role replaces the channel's" 254 'no statement of role bob-role' "$bin" policy simulate --channel "$work/channel.yaml" --user bob ssm-incidents:GetIncidentRecord
expect "--context sets condition keys" 254 'bob-role' "$bin" policy simulate --channel "$work/channel.yaml" --user bob --context aws:CurrentTime=2031-01-01T00:00:00Z ssm-incidents:ListTimelineEvents
expect "Chime takes no commands" 254 "aren't supported on Amazon Chime" "$bin" policy simulate --channel "$work/chime.yaml" ssm-incidents:GetIncidentRecord
expect "a bad channel file names file, line and field" 253 'bad.yaml:3:27: error: role.policies[0].Statement[0].Effect' "$bin" policy simulate --channel "$work/bad.yaml" ssm-incidents:GetIncidentRecord
expect "a missing channel file" 253 'cannot read channel file' "$bin" policy simulate --channel "$work/none.yaml" ssm-incidents:GetIncidentRecord
expect "an action without a prefix" 252 'no service prefix' "$bin" policy simulate GetIncidentRecord

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
