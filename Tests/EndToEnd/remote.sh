#!/usr/bin/env bash
# exec and run with --endpoint-url: commands travel SigV4-signed to
# `incident-chat serve` and behave as they do on a local store.
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$bin" serve --memory --port "$port" >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
export AWS_ACCESS_KEY_ID=AKIDINCIDENTCHAT AWS_SECRET_ACCESS_KEY=incident-chat-local AWS_DEFAULT_REGION=us-east-1
passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
url="http://127.0.0.1:$port"

# (A runbook without .advance: the server keeps its own clock.)
out=$(NO_COLOR=1 "$bin" run --endpoint-url "$url" "$here/Examples/post-incident-review.chat" 2>&1); code=$?
[ $code = 0 ] && [[ $out == *'|  1     |  OPEN   |  Slow queries on orders   |'* ]] && ok "a runbook runs through the server" || { fail "runbook through the server ($code)"; echo "$out" | tail -5; }
titles=$("$bin" exec --endpoint-url "$url" '@aws ssm-incidents list-incident-records --query length(incidentRecordSummaries) --output text' 2>&1)
[ "$titles" = 3 ] && ok "exec reads what the runbook wrote" || fail "exec through the server: $titles"
AWS_SECRET_ACCESS_KEY=wrong "$bin" exec --endpoint-url "$url" '@aws ssm-incidents list-response-plans' >/dev/null 2>"$work/err"; code=$?
[ $code = 254 ] && grep -q InvalidSignatureException "$work/err" && ok "a wrong secret is refused by the server (254)" || fail "wrong secret: $code $(cat "$work/err")"
"$bin" exec --endpoint-url "not a url" '@aws ssm-incidents list-response-plans' >/dev/null 2>&1; code=$?
[ $code = 253 ] && ok "a malformed endpoint is a configuration error (253)" || fail "malformed endpoint: $code"

echo "remote.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
