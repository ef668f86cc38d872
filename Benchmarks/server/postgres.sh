#!/usr/bin/env bash
# A fleet on PostgreSQL: create-timeline-event over loopback against one
# `incident-chat serve --no-auth` on a throwaway PostgreSQL, then against two
# servers on the same database (one wrk each, the connections split between
# them), each server writing its own incident. Prints requests/s, p50 and p99
# of each run and the ratio of two servers to one. Targets (issue 18): two
# servers >= 1.6 times one, p99 <= 10 ms. Then a runbook of RUNBOOK_COMMANDS
# (100,000) create-timeline-event commands on the same server: commands/s and
# the most memory (targets: 10,000 commands/s, 100 MB).
# Usage: Benchmarks/server/postgres.sh [BINARY] [SECONDS] [CONNECTIONS]
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${1:-$ROOT/.build/release/incident-chat}
SECONDS_EACH=${2:-10}
CONNECTIONS=${3:-16}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -x "$BIN" ] || { echo "build first: swift build -c release --product incident-chat"; exit 1; }
source "$ROOT/Tests/EndToEnd/support/postgres.sh"
WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; pg_stop; rm -rf "$WORK"; }
pg_start >/dev/null || exit 1
trap cleanup EXIT

wait_port() { for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 never opened"; exit 1; }
summarize() {  # wrk --latency output files...: requests/s summed, the worst p50 and p99 in ms
  python3 - "$@" <<'PY'
import re, sys
rps = p50 = p99 = 0.0
for name in sys.argv[1:]:
    text = open(name).read()
    def ms(label):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps += float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50, p99 = max(p50, ms("50")), max(p99, ms("99"))
    if re.search(r"Non-2xx or 3xx responses: (\d+)", text):
        print("errors in", name, file=sys.stderr)
print(f"{rps:.0f} {p50:.2f} {p99:.2f}")
PY
}

STORE="$PG_URL?pool=8"
ports=()
for n in 1 2; do
    port=$(pg_free_port)
    "$BIN" serve --no-auth --port "$port" --store "$STORE" --log-level warning >/dev/null 2>"$WORK/serve$n.err" &
    PIDS+=($!); ports+=("$port"); wait_port "$port"
done
post() { curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$1$2" -d "$3"; }
post "${ports[0]}" /createReplicationSet '{"regions":{"us-east-1":{}}}' >/dev/null
PLAN=$(post "${ports[0]}" /createResponsePlan '{"name":"bench","incidentTemplate":{"title":"Bench","impact":3}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["arn"])')
arns=()
for n in 0 1; do
    arns+=("$(post "${ports[$n]}" /startIncident "{\"responsePlanArn\":\"$PLAN\",\"clientToken\":\"bench-$n\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["incidentRecordArn"])')")
done

run() {  # OUT PORT ARN CONNECTIONS
    ARN="$3" wrk -t1 -c"$4" -d"${SECONDS_EACH}s" --latency -s "$HERE/create-timeline-event.lua" "http://127.0.0.1:$2" >"$1"
}
ARN="${arns[0]}" wrk -t1 -c"$CONNECTIONS" -d2s -s "$HERE/create-timeline-event.lua" "http://127.0.0.1:${ports[0]}" >/dev/null  # warm-up
run "$WORK/one.txt" "${ports[0]}" "${arns[0]}" "$CONNECTIONS"
read -r ONE_RPS ONE_P50 ONE_P99 < <(summarize "$WORK/one.txt")
half=$((CONNECTIONS / 2))
run "$WORK/two-a.txt" "${ports[0]}" "${arns[0]}" "$half" & a=$!
run "$WORK/two-b.txt" "${ports[1]}" "${arns[1]}" "$half" & b=$!
wait "$a" "$b"
read -r TWO_RPS TWO_P50 TWO_P99 < <(summarize "$WORK/two-a.txt" "$WORK/two-b.txt")
rows=$(pg_psql "SELECT count(*) FROM timeline_event")
echo "transactions: $(pg_psql "SELECT xact_commit || ' committed, ' || xact_rollback || ' rolled back (conflicts retried, failed commands)' FROM pg_stat_database WHERE datname = current_database()")"
python3 - "$ONE_RPS" "$ONE_P50" "$ONE_P99" "$TWO_RPS" "$TWO_P50" "$TWO_P99" "$rows" "$CONNECTIONS" "$SECONDS_EACH" <<'PY'
import sys
one, p50a, p99a, two, p50b, p99b, rows, c, s = sys.argv[1:]
print(f"create-timeline-event on PostgreSQL, {c} connections, {s} s each ({rows} events written)")
print(f"  one server:  {float(one):8.0f} requests/s  p50 {p50a} ms  p99 {p99a} ms")
print(f"  two servers: {float(two):8.0f} requests/s  p50 {p50b} ms  p99 {p99b} ms  ({float(two) / max(float(one), 1):.2f}x one)")
PY

# A runbook: one batch (one transaction, a savepoint a command) on its own schema.
RUNBOOK_COMMANDS=${RUNBOOK_COMMANDS:-100000}
RB="$PG_URL?schema=runbook"
"$BIN" exec --store "$RB" '@aws ssm-incidents create-replication-set --regions us-east-1={}' >/dev/null
RB_PLAN=$("$BIN" exec --store "$RB" '@aws ssm-incidents create-response-plan --name p --incident-template title=T,impact=3 --query arn --output text')
RB_ARN=$("$BIN" exec --store "$RB" "@aws ssm-incidents start-incident --response-plan-arn $RB_PLAN --query incidentRecordArn --output text")
python3 - "$RB_ARN" "$RUNBOOK_COMMANDS" >"$WORK/runbook.chat" <<'PY'
import sys
for i in range(int(sys.argv[2])):
    print(f'@aws ssm-incidents create-timeline-event --incident-record-arn {sys.argv[1]} --event-time 2026-11-24T10:00:00Z '
          f'--event-type "Custom Event" --event-data \'"runbook {i}"\'')
PY
/usr/bin/time -f "%e %M" -o "$WORK/runbook.time" "$BIN" run --store "$RB" "$WORK/runbook.chat" >/dev/null 2>"$WORK/runbook.err" \
    || { echo "the runbook failed: $(tail -3 "$WORK/runbook.err")"; exit 1; }
read -r RB_SECONDS RB_KB <"$WORK/runbook.time"
python3 - "$RUNBOOK_COMMANDS" "$RB_SECONDS" "$RB_KB" <<'PY'
import sys
n, seconds, kb = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"a runbook of {n} create-timeline-event on PostgreSQL: {n / seconds:.0f} commands/s ({seconds:.1f} s), at most {kb / 1024:.0f} MB")
PY
