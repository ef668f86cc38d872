#!/usr/bin/env bash
# The binary over a real PostgreSQL (a throwaway server of its own,
# support/postgres.sh): migrations, the seed commands' golden transcript as
# on SQLite, configuration errors (exit 253, never a password shown), a
# runbook whose database is killed under it, and two `serve` on one
# database (postgres_driver.py, boto3): clientToken, paging across servers,
# a load run across a database restart; and two with the browser channel
# (postgres_fleet.py): every browser sees every message, webhooks once.
# Usage: Tests/EndToEnd/postgres.sh PATH/TO/incident-chat
set -uo pipefail
bin=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
source "$here/support/common.sh"
source "$here/support/postgres.sh"
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
    pg_stop
    rm -rf "$work"
}
pg_start || { echo "FAIL the throwaway PostgreSQL did not start"; exit 1; }
trap cleanup EXIT
export NO_COLOR=1 USER=responder
ic() { "$bin" "$@"; }
url() { echo "$PG_URL?schema=$1"; }

# store migrate: once applies, twice finds it up to date.
out=$(ic store migrate --store "$(url migrate)" 2>&1); status=$?
[ "$status" = 0 ] && [[ "$out" == *"schema version 1 (applied: 1)"* ]] && ok "store migrate creates the schema" || fail "store migrate: $status $out"
out=$(ic store migrate --store "$(url migrate)" 2>&1); status=$?
[ "$status" = 0 ] && [[ "$out" == *"already up to date"* ]] && ok "store migrate a second time changes nothing" || fail "store migrate again: $status $out"

# The seed commands print the same golden transcript as on SQLite.
actual=$(ic run --store "$(url seed)" --fixed-clock 2026-11-24T10:00:00Z --seed 42 --user responder "$here/seed.chat" 2>&1 | sed -E 's/in [0-9]+\.[0-9]+s$/in TIME/')
if diff -u "$here/seed.expected" <(printf '%s\n' "$actual") >"$work/diff"; then
    ok "the seed commands on PostgreSQL print the SQLite store's golden transcript"
else
    fail "the seed commands on PostgreSQL differ from seed.expected"; head -20 "$work/diff"
fi

# The server's Unix socket (host=/folder), the PG* variables, TLS asked of a server without it.
out=$(ic store migrate --store "postgres://postgres@/$PG_DB?host=$PG_DIR&port=$PG_PORT&schema=socket" 2>&1); status=$?
[ "$status" = 0 ] && [[ "$out" == *"host=$PG_DIR"* ]] && ok "a store over the server's Unix socket" || fail "socket: $status $out"
out=$(PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=$PG_DB ic store migrate --store "postgres://?schema=environment" 2>&1); status=$?
[ "$status" = 0 ] && [[ "$out" == *"postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB?schema=environment"* ]] \
    && ok "what the URL leaves out comes from PGHOST, PGPORT, PGUSER, PGDATABASE" || fail "PG* variables: $status $out"
out=$(ic store migrate --store "$PG_URL?sslmode=require&schema=tls" 2>&1); status=$?
[ "$status" = 253 ] && [[ "$out" == *"does not offer TLS"* ]] && ok "sslmode=require against a server without TLS: exit 253, said so" \
    || fail "sslmode=require: $status $out"

# store export / store import: SQLite → PostgreSQL → SQLite, the same rows line for line.
ic run --store "$work/seed.sqlite" --fixed-clock 2026-11-24T10:00:00Z --seed 42 --user responder "$here/seed.chat" >/dev/null 2>&1
ic store export --store "$work/seed.sqlite" >"$work/sqlite.jsonl"; s1=$?
ic store import --store "$(url imported)" "$work/sqlite.jsonl" >/dev/null; s2=$?
ic store export --store "$(url imported)" >"$work/postgres.jsonl"; s3=$?
ic store import --store "$work/back.sqlite" - <"$work/postgres.jsonl" >/dev/null; s4=$?
ic store export --store "$work/back.sqlite" >"$work/back.jsonl"; s5=$?
if [ "$s1$s2$s3$s4$s5" = 00000 ] && [ "$(wc -l <"$work/sqlite.jsonl")" -gt 5 ] && cmp -s "$work/sqlite.jsonl" "$work/postgres.jsonl" \
    && cmp -s "$work/sqlite.jsonl" "$work/back.jsonl"; then
    ok "store export and import: SQLite → PostgreSQL → SQLite, the same rows"
else
    fail "export/import round trip: exits $s1$s2$s3$s4$s5"; diff "$work/sqlite.jsonl" "$work/postgres.jsonl" | head -5
fi
ic store import --store "$(url imported)" "$work/sqlite.jsonl" >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 254 ] && grep -q "not empty" "$work/err" && ok "an import into a store that holds rows is refused" \
    || fail "import into a full store: exit $status, $(cat "$work/err")"

# Configuration errors: 253, the URL named, never a password.
free=$(pg_free_port)
ic exec --store "postgres://ops@127.0.0.1:$free/incidents" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && grep -q "postgres://ops@127.0.0.1:$free/incidents cannot be reached" "$work/err" \
    && ok "a database that is down: exit 253, the URL named" || fail "down database: exit $status, $(cat "$work/err")"
ic exec --store "postgres://ops:hunter2@127.0.0.1:$PG_PORT/incidents" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && ! grep -q hunter2 "$work/err" && grep -q pgpass "$work/err" \
    && ok "a password in the URL is refused (exit 253) and never printed" || fail "password in the URL: exit $status, $(cat "$work/err")"
pg_psql "CREATE SCHEMA newer; CREATE TABLE newer.incident_chat_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now()); INSERT INTO newer.incident_chat_schema VALUES (42, 'from the future')"
ic exec --store "$(url newer)" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
tables=$(pg_psql "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'newer'")
[ "$status" = 253 ] && grep -q "newer IncidentChat (schema version 42" "$work/err" && [ "$tables" = 1 ] \
    && ok "a store from a newer version is refused untouched (exit 253)" || fail "newer store: exit $status, $tables tables, $(cat "$work/err")"

# A database that does not exist; a text PostgreSQL cannot keep (NUL) fails the command and changes nothing.
ic exec --store "postgres://postgres@127.0.0.1:$PG_PORT/nosuchdb" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && grep -q "does not exist" "$work/err" && ok "a database that does not exist: exit 253, said so" || fail "no database: exit $status, $(cat "$work/err")"
nul=$(url nul)
ic exec --store "$nul" '@aws ssm-incidents create-replication-set --regions us-east-1={}' >/dev/null
nulplan=$(ic exec --store "$nul" '@aws ssm-incidents create-response-plan --name p --incident-template "{\"title\":\"a\u0000b\",\"impact\":3}" --query arn --output text')
ic exec --store "$nul" "@aws ssm-incidents start-incident --response-plan-arn $nulplan" >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 254 ] && grep -q "NUL character" "$work/err" && [ "$(pg_psql "SELECT count(*) FROM nul.incident")" = 0 ] \
    && ok "a title with a NUL character: a service error (254), nothing stored" || fail "NUL title: exit $status, $(cat "$work/err")"

# A runbook whose database is killed under it: it fails at that command, and
# nothing of it is half written (it is one transaction).
store=$(url runbook)
ic exec --store "$store" '@aws ssm-incidents create-replication-set --regions us-east-1={}' >/dev/null
plan=$(ic exec --store "$store" '@aws ssm-incidents create-response-plan --name p --incident-template title=T,impact=3 --query arn --output text')
incident=$(ic exec --store "$store" "@aws ssm-incidents start-incident --response-plan-arn $plan --query incidentRecordArn --output text")
python3 -c '
import sys
for i in range(200000):
    print(f"@aws ssm-incidents create-timeline-event --incident-record-arn {sys.argv[1]} --event-time 2026-11-24T10:00:00Z --event-type \"Custom Event\" --event-data \"\\\"runbook {i}\\\"\"")
' "$incident" > "$work/long.chat"
ic run --store "$store" "$work/long.chat" >"$work/run.out" 2>"$work/run.err" & runner=$!; pids+=("$runner")
for _ in $(seq 1 300); do [ -s "$work/run.out" ] && break; sleep 0.1; done
sleep 1
pg_kill_server
wait "$runner"; status=$?
pg_restart_server
rows=$(pg_psql "SELECT count(*) FROM runbook.timeline_event WHERE event_data LIKE '\"runbook %'")
[ "$status" != 0 ] && grep -q "$PG_URL?schema=runbook" "$work/run.err" && [ "$rows" = 0 ] \
    && ok "a runbook whose database dies fails (exit $status), names the store, and leaves nothing half written" \
    || fail "killed runbook: exit $status, $rows rows, $(tail -2 "$work/run.err")"
ic exec --store "$store" "@aws ssm-incidents get-incident-record --arn $incident --query incidentRecord.title --output text" >"$work/out" 2>&1 \
    && [ "$(cat "$work/out")" = T ] && ok "the store answers again once the server is back" || fail "after restart: $(cat "$work/out")"

# drive SCRIPT ARGS...: runs a Python driver of servers (it may kill and restart
# the database), counting its ok and FAIL lines; fails unless it exits 0.
drive() {
    local script=$1 status; shift
    KILL_COMMAND="source $here/support/postgres.sh; PG_DIR=$PG_DIR PG_PORT=$PG_PORT; pg_kill_server" \
    RESTART_COMMAND="source $here/support/postgres.sh; PG_DIR=$PG_DIR PG_PORT=$PG_PORT; pg_restart_server" \
        python3 "$here/$script" "$@" >"$work/$script.out" 2>&1
    status=$?
    while read -r line; do
        case "$line" in
            ok*) ok "${line#ok   }" ;;
            FAIL*) fail "${line#FAIL }" ;;
        esac
    done <"$work/$script.out"
    [ "$status" = 0 ] || { fail "$script exited $status"; tail -15 "$work/$script.out"; return 1; }
}

# Two servers on one database.
fleet=$(url fleet)
start_serve "$work/a" "$bin" --store "$fleet"; a=$endpoint; pids+=("$server_pid")
start_serve "$work/b" "$bin" --store "$fleet"; b=$endpoint; pids+=("$server_pid")
if [ -z "$a" ] || [ -z "$b" ]; then
    fail "two servers on one database did not start: $(cat "$work/a.err" "$work/b.err")"
else
    grep -q "store: $PG_URL?schema=fleet" "$work/a.out" && ok "serve names the PostgreSQL store it serves" || fail "serve's first line: $(cat "$work/a.out")"
    drive postgres_driver.py "$a" "$b" "$PG_URL?options=-csearch_path%3Dfleet"
fi
# The browser channel of two servers on one database (LISTEN/NOTIFY): each
# browser sees every message of the fleet; the webhook gets each notification once.
python3 "$here/connectors/receiver.py" "$work/received.jsonl" "$work/receiver.port" & pids+=("$!")
for _ in $(seq 1 50); do [ -s "$work/receiver.port" ] && break; sleep 0.1; done
cat >"$work/fleet.yaml" <<YAML
workspace: acme
channel: fleet
webhooks:
  - {kind: slack, url: "http://127.0.0.1:$(cat "$work/receiver.port")/ok/fleet"}
YAML
web=$(url fleetweb)
ic run --store "$web" - >/dev/null 2>"$work/fleetweb.err" <<'CHAT'
@aws ssm-incidents create-replication-set --regions us-east-1={}
@aws ssm-incidents create-response-plan --name fleet-db --incident-template '{"title":"Database down","impact":2}' --chat-channel '{"chatbotSns":["arn:aws:sns:us-east-1:111122223333:incident-chat"]}'
CHAT
[ $? = 0 ] || fail "the fleet's response plan: $(cat "$work/fleetweb.err")"
start_serve "$work/wa" "$bin" --store "$web" --channel "$work/fleet.yaml"; wa=$endpoint; pids+=("$server_pid")
start_serve "$work/wb" "$bin" --store "$web" --channel "$work/fleet.yaml"; wb=$endpoint; pids+=("$server_pid")
if [ -z "$wa" ] || [ -z "$wb" ]; then
    fail "two servers with a channel did not start: $(cat "$work/wa.err" "$work/wb.err")"
else
    drive postgres_fleet.py "$wa" "$wb" "$work/received.jsonl" || tail -5 "$work/wb.err"
fi
# TLS: the server turns ssl on with a self-signed certificate (openssl) and
# refuses connections without TLS on loopback.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" \
    -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$work/server.key" -out "$work/server.crt" >/dev/null 2>&1
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=other" -keyout "$work/other.key" -out "$work/other.crt" >/dev/null 2>&1
install -m 0600 "$work/server.key" "$work/server.crt" "$PG_DIR/data/"
[ "$(id -u)" = 0 ] && chown postgres: "$PG_DIR/data/server.key" "$PG_DIR/data/server.crt"
sed -i '1i hostnossl all all 127.0.0.1/32 reject' "$PG_DIR/data/pg_hba.conf"
pg_psql "ALTER SYSTEM SET ssl = on" >/dev/null
pg_psql "SELECT pg_reload_conf()" >/dev/null
tls=$(url tls)
ic exec --store "$tls&sslmode=disable" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && grep -q "no encryption" "$work/err" && ok "TLS: the server now refuses a connection without it (exit 253)" \
    || fail "sslmode=disable against a TLS-only server: exit $status, $(cat "$work/err")"
ic exec --store "$tls&sslmode=require" '@aws ssm-incidents create-replication-set --regions us-east-1={}' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 0 ] && ok "sslmode=require: the commands run over TLS" || fail "sslmode=require: exit $status, $(cat "$work/err")"
ic exec --store "$tls&sslmode=verify-full&sslrootcert=$work/server.crt" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 0 ] && ok "sslmode=verify-full with sslrootcert: the server's certificate checks out" || fail "verify-full: exit $status, $(cat "$work/err")"
ic exec --store "$tls&sslmode=verify-full&sslrootcert=$work/other.crt" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && grep -q "failed the TLS check" "$work/err" && ok "verify-full against a certificate nobody trusts: exit 253, said so" \
    || fail "verify-full, untrusted: exit $status, $(cat "$work/err")"
ic exec --store "$tls&sslmode=verify-full&sslrootcert=$work/nothing.crt" '@aws ssm-incidents list-response-plans' >"$work/out" 2>"$work/err"; status=$?
[ "$status" = 253 ] && grep -q "sslrootcert $work/nothing.crt cannot be read" "$work/err" && ok "an sslrootcert that cannot be read: exit 253, named" \
    || fail "missing sslrootcert: exit $status, $(cat "$work/err")"
finish postgres.sh
