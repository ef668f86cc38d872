#!/usr/bin/env bash
# Hostile input end to end: numbers out of range, repeated options, long
# messages and queries that do not compile, through the binary (check, exec)
# and through `serve` (the wire protocols and a Slack slash command). Each is
# answered with a clear error; no process dies; a long message is answered
# within bounded memory.
# Usage: Tests/EndToEnd/hostile.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
source "$here/support/common.sh"
server_pid=
cleanup() { stop_serve; rm -rf "$work"; }
trap cleanup EXIT
cd "$work"

# expect CODE PATTERN WHAT -- COMMAND...: the command exits CODE (within 20 s)
# and its standard error holds PATTERN.
expect() {
    local code=$1 pattern=$2 what=$3; shift 4
    timeout 20 "$@" >out 2>err
    local status=$?
    if [ "$status" = "$code" ] && grep -q -- "$pattern" err; then ok "$what"
    else fail "$what: exit $status, $(head -c 400 err)"; fi
}

# 1. Timestamps beyond what any calendar field holds: refused, located, by check and by exec.
for t in 1e308 -99999999999999999 253402300800 -1e308; do
    msg="@aws ssm-incidents list-incident-records --filters key=creationTime,condition={before=$t}"
    expect 252 "is not a time between 0001-01-01 and 9999-12-31" "exec refuses the timestamp $t" -- "$bin" exec --memory "$msg"
    printf '%s\n' "$msg" > t.chat
    expect 252 "value-out-of-range\|is not a time between" "check refuses the timestamp $t" -- "$bin" check t.chat
done
timeout 20 "$bin" exec --memory '@aws ssm-incidents list-incident-records --filters key=creationTime,condition={before=253402300799}' >out 2>err
[ $? = 0 ] && ok "the last second of 9999 is a time" || fail "253402300799: $(cat err)"
expect 252 "does not fit in a 32-bit integer" "an integer member beyond 32 bits is refused" -- \
    "$bin" exec --memory '@aws ssm-contacts list-contacts --max-results 2147483648'
expect 252 "is not from 1 to" "--max-items 0 is refused" -- \
    "$bin" exec --memory '@aws ssm-incidents list-incident-records --max-items 0'
expect 252 "is not from 1 to" "--max-items -1 is refused" -- \
    "$bin" exec --memory '@aws ssm-incidents list-incident-records --max-items -1'

# 2. check and exec agree about --query: one that does not compile is invalid to both.
printf '%s\n' "@aws ssm-incidents list-incident-records --query '(('" > q.chat
expect 252 "invalid-query\|--query:" "check refuses a --query that does not compile" -- "$bin" check q.chat
expect 252 "error: --query:" "exec refuses it with the same diagnostic" -- "$bin" exec --memory "@aws ssm-incidents list-incident-records --query '(('"
grep -q "\^" err && ok "the --query diagnostic points into the expression" || fail "no caret: $(cat err)"

# A runbook that cannot be read is a configuration error (253), whichever command reads it.
for how in run check parse; do
    expect 253 "cannot read missing.chat" "$how refuses a runbook it cannot read (253)" -- "$bin" $how missing.chat
done

# A forgotten quote before a long runbook is read once, not once a line (it took minutes).
{ echo '@aws ssm-incidents list-incident-records --query "open'
  for i in $(seq 20000); do echo '@aws ssm-incidents list-response-plans --max-results 5'; done; } > open.chat
expect 252 "unterminated double quote" "check reads a runbook after a forgotten quote in linear time" -- "$bin" check open.chat
expect 252 "unterminated double quote" "and run --dry-run" -- "$bin" run --dry-run --memory open.chat

# 3. Repeated options and long messages: linear; the answer is bounded.
peak() { # peak RSS in MB of a command; its exit code in $work/rc
    python3 - "$@" <<'PY'
import resource, subprocess, sys
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=open("err", "w"), timeout=60).returncode
open("rc", "w").write(str(rc))
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
}
repeated="@aws ssm-incidents list-incident-records$(for _ in $(seq 1 8000); do printf ' --max-items 1'; done)"
mb=$(peak "$bin" exec --memory "$repeated")
rc=$(cat rc)
if [ "$rc" = 252 ] && [ "$mb" -lt 200 ] && grep -q "more diagnostics" err && [ "$(wc -c < err)" -lt 20000 ]; then
    ok "8,000 repeated options: refused in ${mb} MB with a bounded answer ($(wc -c < err) bytes)"
else
    fail "8,000 repeated options: exit $rc, ${mb} MB, $(wc -c < err) bytes of errors"
fi
long="@aws ssm-incidents create-timeline-event --event-data $(head -c 40000 /dev/zero | tr '\0' 'x') --bogus"
printf '%s\n' "$long" > long.chat
mb=$(peak "$bin" check long.chat)
[ "$(cat rc)" = 252 ] && [ "$mb" -lt 200 ] && [ "$(wc -c < err)" -lt 20000 ] \
    && ok "a 40,000-character line: its diagnostics show a window of it (${mb} MB, $(wc -c < err) bytes)" \
    || fail "40,000-character line: exit $(cat rc), ${mb} MB, $(wc -c < err) bytes"

# Messages of 40,000 characters of many shapes: each is answered (an answer or
# a refusal), within bounded memory, with an answer of bounded size.
python3 - <<'PY'
n = 40000
shapes = {
    "unknown-options": "list-incident-records" + " --zz" * (n // 5),
    "long-operation": "x" * n,
    "em-dashes": "list-incident-records " + "\u2014" * (n // 3),
    "brackets": "list-incident-records --filters " + "[" * n,
    "quotes": "list-incident-records --query " + "'a'" * (n // 3),
    "references": "list-incident-records --query " + "$x" * (n // 2),
    "environment": "list-incident-records --query " + "${A}" * (n // 4),
    "jmespath-parens": "list-incident-records --query '" + "(" * (n - 60) + "'",
    "jmespath-not": "list-incident-records --query '" + "!" * (n - 60) + "a'",
    "jmespath-pipes": "list-incident-records --query '" + "a|" * (n // 2 - 40) + "a'",
    "json-deep": "list-incident-records --cli-input-json '" + "[" * (n - 80) + "'",
    "json-wide": "list-incident-records --cli-input-json '{" + ",".join('"a%d":1' % i for i in range(n // 9)) + "}'",
    "unknown-members": "list-incident-records --filters '" + ",".join("zz%d=1" % i for i in range(n // 8)) + "'",
    "flags": "list-incident-records" + " --no-paginate" * (n // 14),
    "list-words": "untag-resource --resource-arn arn:aws:ssm-incidents::1:response-plan/x --tag-keys" + " a" * (n // 2),
    "tags": "tag-resource --resource-arn arn:aws:ssm-incidents::1:response-plan/x --tags " + ",".join("k%d=v" % i for i in range(n // 8)),
}
for name, rest in shapes.items():
    open(name + ".shape", "w").write("@aws ssm-incidents " + rest)
PY
for f in *.shape; do
    mb=$(peak "$bin" exec --memory "$(cat "$f")")
    rc=$(cat rc); size=$(wc -c < err)
    if { [ "$rc" = 0 ] || [ "$rc" = 252 ] || [ "$rc" = 254 ]; } && [ "$mb" -lt 100 ] && [ "$size" -lt 20000 ]; then
        ok "40,000 characters, ${f%.shape}: exit $rc, ${mb} MB, $size bytes of diagnostics"
    else
        fail "40,000 characters, ${f%.shape}: exit $rc, ${mb} MB, $size bytes of diagnostics"
    fi
done

# 4. The server: the same numbers over the wire are a ValidationException, and the server stays up.
start_serve server "$bin" --memory --no-auth --log-level warning
[ -n "$endpoint" ] || { fail "the server did not start: $(cat server.out server.err)"; finish hostile.sh; }
post() { # post PATH BODY [TARGET]: prints the status and the body
    python3 - "$endpoint" "$@" <<'PY'
import sys, urllib.request, urllib.error
url, path, body = sys.argv[1], sys.argv[2], sys.argv[3].encode()
headers = {"Content-Type": "application/json"}
if len(sys.argv) > 4:
    headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": sys.argv[4]}
try:
    with urllib.request.urlopen(urllib.request.Request(url + path, data=body, headers=headers, method="POST"), timeout=10) as r:
        print(r.status, r.headers.get("x-amzn-ErrorType", ""), r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.headers.get("x-amzn-ErrorType", ""), e.read().decode())
PY
}
for t in 1e308 -1e308 -99999999999999999 1e19; do
    answer=$(post /listIncidentRecords "{\"filters\":[{\"key\":\"creationTime\",\"condition\":{\"before\":$t}}]}")
    case $answer in
        "400 "*ValidationException*"0001-01-01"*) ok "serve answers before=$t with 400 ValidationException" ;;
        *) fail "serve, before=$t: $answer" ;;
    esac
done
answer=$(post / '{"TimeRangeValue":{"StartTime":1e308,"EndTime":2}}' SSMContacts.ListEngagements)
case $answer in
    "400 "*"0001-01-01"*) ok "serve answers an ssm-contacts time of 1e308 with 400" ;;
    *) fail "ssm-contacts StartTime=1e308: $answer" ;;
esac
answer=$(post / '{"MaxResults":1e19}' SSMContacts.ListContacts)
case $answer in "400 "*) ok "serve refuses MaxResults=1e19" ;; *) fail "MaxResults=1e19: $answer" ;; esac
answer=$(post /listIncidentRecords '{}')
case $answer in "200 "*) ok "the server is still up and answers" ;; *) fail "after the hostile requests: $answer" ;; esac
kill -0 "$server_pid" 2>/dev/null && ok "the server process is alive" || fail "the server died: $(tail -5 server.err)"

# 5. A Slack slash command with the same timestamp: a clear answer, the server stays up.
stop_serve
secret=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf 'platform: slack\nworkspace: acme\nchannel: ops\n' > ops.yaml
SLACK_SIGNING_SECRET=$secret start_serve slack "$bin" --memory --channel ops.yaml --log-level warning
if [ -n "$endpoint" ]; then
    timeout 30 python3 "$here/connectors/slack_client.py" "$endpoint/slack/commands" "$secret" none --one \
        "ssm-incidents list-incident-records --filters key=creationTime,condition={before=1e308}" >slack-answer.txt 2>&1
    grep -q "0001-01-01" slack-answer.txt && ok "a Slack command with before=1e308 is answered with the reason" \
        || fail "Slack before=1e308: $(head -c 400 slack-answer.txt)"
    # Deep YAML, a YAML alias bomb and 2,000 repeated options, each as one Slack command.
    deep="ssm-incidents list-incident-records --cli-input-yaml '$(head -c 10000 /dev/zero | tr '\0' '[')'"
    bomb="ssm-incidents list-incident-records --cli-input-yaml '{a: &a [x,x,x,x,x,x,x,x,x], b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]}'"
    repeated="ssm-incidents list-incident-records$(for _ in $(seq 1 2000); do printf ' --max-items 1'; done)"
    for case in "deep:nests deeper than" "bomb:is not allowed in command input" "repeated:more diagnostic"; do
        name=${case%%:*} expected=${case#*:}
        timeout 30 python3 "$here/connectors/slack_client.py" "$endpoint/slack/commands" "$secret" none --one "${!name}" >slack-answer.txt 2>&1
        grep -q "$expected" slack-answer.txt && ok "a Slack command with $name input is answered with the reason" \
            || fail "Slack, $name input: $(head -c 300 slack-answer.txt)"
    done
    kill -0 "$server_pid" 2>/dev/null && ok "the server survives the Slack commands" || fail "the server died on a Slack command"
else
    fail "the Slack server did not start: $(cat slack.out slack.err)"
fi
finish hostile.sh
