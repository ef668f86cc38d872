#!/usr/bin/env bash
# Server throughput: create-timeline-event over loopback against `incident-chat
# serve --no-auth` on SQLite, and SSM PutParameter against moto's server in the
# same run, both driven by wrk (Debian's package). Prints requests/s, p50 and
# p99 latency, and the ratio. Targets (issue 8): >= 10,000 requests/s, p99 <= 5 ms.
# Usage: Benchmarks/server/run.sh [BINARY] [SECONDS] [CONNECTIONS]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${1:-$ROOT/.build/release/incident-chat}
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-16}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -x "$BIN" ] || { echo "build first: swift build -c release --product incident-chat"; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened"; exit 1; }

# wrk's --latency table: requests/s, p50 and p99 in ms.
summarize() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rps:.0f} {ms('50'):.3f} {ms('99'):.3f} {errors.group(1) if errors else 0}")
PY
}

# incident-chat serve on SQLite, no signatures.
PORT=$(free_port)
"$BIN" serve --no-auth --port "$PORT" --store "$WORK/bench.sqlite" --log-level warning >/dev/null 2>"$WORK/serve.err" &
PIDS+=($!)
wait_port "$PORT"
post() { curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$PORT$1" -d "$2"; }
post /createReplicationSet '{"regions":{"us-east-1":{}}}' >/dev/null
PLAN=$(post /createResponsePlan '{"name":"bench","incidentTemplate":{"title":"Bench","impact":3}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["arn"])')
ARN=$(post /startIncident "{\"responsePlanArn\":\"$PLAN\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["incidentRecordArn"])')
ARN="$ARN" wrk -t1 -c"$CONNECTIONS" -d2s -s "$HERE/create-timeline-event.lua" "http://127.0.0.1:$PORT" >/dev/null  # warm-up
ARN="$ARN" wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$HERE/create-timeline-event.lua" "http://127.0.0.1:$PORT" >"$WORK/ours.txt"
read -r OURS_RPS OURS_P50 OURS_P99 OURS_ERRORS < <(summarize "$WORK/ours.txt")
COUNT=$(post /listTimelineEvents "{\"incidentRecordArn\":\"$ARN\",\"maxResults\":1}" >/dev/null && echo ok)
kill "${PIDS[0]}"; wait "${PIDS[0]}" 2>/dev/null || true

# moto's server, SSM PutParameter.
MOTO_RPS=0; MOTO_P50=0; MOTO_P99=0; MOTO_ERRORS=0
if python3 -c 'import moto.server' 2>/dev/null; then
  MPORT=$(free_port)
  python3 -m moto.server -H 127.0.0.1 -p "$MPORT" >/dev/null 2>&1 &
  PIDS+=($!)
  wait_port "$MPORT"
  wrk -t1 -c"$CONNECTIONS" -d2s -s "$HERE/put-parameter.lua" "http://127.0.0.1:$MPORT" >/dev/null
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$HERE/put-parameter.lua" "http://127.0.0.1:$MPORT" >"$WORK/moto.txt"
  read -r MOTO_RPS MOTO_P50 MOTO_P99 MOTO_ERRORS < <(summarize "$WORK/moto.txt")
fi

printf '%-52s %10s %9s %9s %8s\n' "server (wrk -t1 -c$CONNECTIONS, ${SECONDS_EACH}s)" "requests/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-52s %10s %9s %9s %8s\n' "incident-chat serve, SQLite: create-timeline-event" "$OURS_RPS" "$OURS_P50" "$OURS_P99" "$OURS_ERRORS"
printf '%-52s %10s %9s %9s %8s\n' "moto server: ssm put-parameter" "$MOTO_RPS" "$MOTO_P50" "$MOTO_P99" "$MOTO_ERRORS"
python3 - "$OURS_RPS" "$MOTO_RPS" "$OURS_P99" <<'PY'
import sys
ours, moto, p99 = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
if moto: print(f"ratio: {ours / moto:.1f}x moto's requests/s")
print(f"target >= 10000 requests/s: {'met' if ours >= 10000 else 'NOT met'}; p99 <= 5 ms: {'met' if p99 <= 5 else 'NOT met'}")
PY
# For `make bench` (incident-chat-bench server): one line to read.
echo "summary: $OURS_RPS $OURS_P50 $OURS_P99 $OURS_ERRORS $MOTO_RPS $MOTO_ERRORS"
