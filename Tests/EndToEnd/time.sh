#!/usr/bin/env bash
# Time that moves on its own (issue 15), end to end:
# - one escalation through processes at successive --fixed-clock times;
# - several processes catching up on one store run each step once;
# - every example runs as the README shows it, without --fixed-clock;
# - a server killed with SIGKILL and restarted after a due time catches up once;
# - (boto3) a one-minute stage paged by the server's scheduler 60 to 62 s later,
#   on the wall clock; it runs in the background while the rest runs.
# Usage: Tests/EndToEnd/time.sh PATH/TO/incident-chat
set -euo pipefail
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "  FAIL $*"; exit 1; }
C=arn:aws:ssm-contacts:us-east-1:111122223333:contact
export NO_COLOR=1 USER=responder

# Rows of the store, read without IncidentChat (a command would catch up first).
count() { python3 -c 'import sqlite3,sys; print(sqlite3.connect("file:"+sys.argv[1]+"?mode=ro", uri=True).execute(sys.argv[2]).fetchone()[0])' "$@"; }

# A store with the escalation "team" (alice, then bob STAGE_MINUTES later), set up at TIME.
setup() { # STORE TIME STAGE_MINUTES
  STAGE_MINUTES=$3 "$BIN" run --store "$1" --fixed-clock "$2" --seed 1 "$HERE/escalation.chat" >"$WORK/setup.out" 2>&1 \
    || { cat "$WORK/setup.out"; fail "setting up $1"; }
}

# Starts a server on STORE; sets PORT and SERVER.
serve() { # STORE LOG
  "$BIN" serve --port 0 --store "$1" --log-level info >"$2.out" 2>"$2" &
  SERVER=$!
  PIDS+=("$SERVER")
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$2.out" 2>/dev/null && break
    kill -0 "$SERVER" 2>/dev/null || { cat "$2"; fail "the server did not start"; }
    sleep 0.1
  done
  ENDPOINT=$(grep -o 'http://[0-9.]*:[0-9]*' "$2.out" | head -1)
}

# The wall-clock test takes a minute: it starts first and is waited for last.
WALL=
if python3 -c 'import boto3' 2>/dev/null; then
  setup "$WORK/wall.sqlite" 2026-11-24T10:00:00Z 1
  serve "$WORK/wall.sqlite" "$WORK/wall.log"
  WALL_SERVER=$SERVER
  python3 "$HERE/time_driver.py" "$ENDPOINT" "$WORK/wall.sqlite" >"$WORK/wall.result" 2>&1 &
  WALL=$!
else
  echo "time.sh: the wall-clock test is skipped: boto3 is not installed (pip install boto3)"
fi

echo "successive --fixed-clock processes:"
S=$WORK/fixed.sqlite
setup "$S" 2026-11-24T10:00:00Z 5
at() { local t=$1; shift; "$BIN" exec --store "$S" --fixed-clock "2026-11-24T$t:00Z" --output text "$@"; }
E=$(at 10:00 "ssm-contacts start-engagement --contact-id $C/team --sender me --subject Down --content Look --query EngagementArn")
paged() { at "$1" "ssm-contacts list-pages-by-engagement --engagement-id $E --query Pages[].[ContactArn,SentTime]" | sed "s|$C/||" | tr '\t\n' '@ ' ; }
[ "$(paged 10:04)" = "alice@2026-11-24T10:00:00+00:00 " ] || fail "at 10:04: $(paged 10:04)"
[ "$(paged 10:06)" = "alice@2026-11-24T10:00:00+00:00 bob@2026-11-24T10:05:00+00:00 " ] || fail "at 10:06: $(paged 10:06)"
[ "$(paged 10:12)" = "alice@2026-11-24T10:00:00+00:00 bob@2026-11-24T10:05:00+00:00 " ] || fail "at 10:12: $(paged 10:12)"
[ "$(count "$S" "SELECT count(*) FROM outbox WHERE kind = 'PAGE'")" = 2 ] || fail "pages in the outbox: $(count "$S" "SELECT count(*) FROM outbox WHERE kind = 'PAGE'")"
echo "  ok bob paged at 10:05 when a process looks at 10:06, once"
# A clock that goes back replays nothing.
[ "$(paged 10:01)" = "alice@2026-11-24T10:00:00+00:00 bob@2026-11-24T10:05:00+00:00 " ] || fail "back at 10:01: $(paged 10:01)"
echo "  ok a process at an earlier time replays nothing"

echo "several processes on one store:"
S=$WORK/shared.sqlite
setup "$S" 2026-11-24T10:00:00Z 5
E=$(at 10:00 "ssm-contacts start-engagement --contact-id $C/team --sender me --subject Down --content Look --query EngagementArn")
for i in 1 2 3 4; do
  at 10:30 "ssm-contacts list-engagements" >"$WORK/shared.$i" 2>&1 &
  PIDS+=($!)
done
wait "${PIDS[@]: -4}"
[ "$(count "$S" "SELECT count(*) FROM page")" = 2 ] || fail "$(count "$S" "SELECT count(*) FROM page") pages for two stages"
[ "$(count "$S" "SELECT count(*) FROM page_receipt")" = 2 ] || fail "$(count "$S" "SELECT count(*) FROM page_receipt") receipts"
echo "  ok four processes catching up at once ran bob's stage once"

echo "the examples as the README runs them:"
for runbook in "$ROOT"/Examples/*.chat; do
  home=$(mktemp -d -p "$WORK")
  set +e
  (cd "$ROOT" && XDG_DATA_HOME=$home timeout 120 "$BIN" run "Examples/$(basename "$runbook")" >"$home/out" 2>"$home/err")
  status=$?
  set -e
  [ "$status" = 0 ] || { cat "$home/err"; fail "incident-chat run Examples/$(basename "$runbook") exited $status"; }
  if grep -q '^\.advance' "$runbook"; then
    [ "$(grep -c 'session.s clock is simulated' "$home/err")" = 1 ] || { cat "$home/err"; fail "$(basename "$runbook"): the switch to a simulated clock is not said once"; }
  fi
  echo "  ok incident-chat run Examples/$(basename "$runbook")"
done

echo "a server killed and restarted after a due time:"
S=$WORK/restart.sqlite
setup "$S" 2026-11-24T10:00:00Z 5
serve "$S" "$WORK/restart1.log"
kill -KILL "$SERVER"; wait "$SERVER" 2>/dev/null || true
# While no server runs, an engagement starts 20 minutes ago: bob's stage fell due 15 minutes ago.
PAST=$(python3 -c 'import datetime; print((datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M:%SZ"))')
"$BIN" exec --store "$S" --fixed-clock "$PAST" --output text \
  "ssm-contacts start-engagement --contact-id $C/team --sender me --subject Down --content Look" >/dev/null
[ "$(count "$S" "SELECT count(*) FROM page")" = 1 ] || fail "before the restart: $(count "$S" "SELECT count(*) FROM page") pages"
serve "$S" "$WORK/restart2.log"
for _ in $(seq 1 50); do [ "$(count "$S" "SELECT count(*) FROM page")" = 2 ] && break; sleep 0.1; done
[ "$(count "$S" "SELECT count(*) FROM page")" = 2 ] || fail "after the restart: $(count "$S" "SELECT count(*) FROM page") pages"
kill -KILL "$SERVER"; wait "$SERVER" 2>/dev/null || true
serve "$S" "$WORK/restart3.log"
sleep 1
kill -KILL "$SERVER"; wait "$SERVER" 2>/dev/null || true
[ "$(count "$S" "SELECT count(*) FROM page")" = 2 ] || fail "after a second restart: $(count "$S" "SELECT count(*) FROM page") pages"
[ "$(count "$S" "SELECT count(*) FROM outbox WHERE kind = 'PAGE' AND address = 'bob@example.com'")" = 1 ] || fail "bob's page sent more than once"
[ "$(cat "$WORK"/restart*.log | grep -c 'address=bob@example.com')" = 1 ] || { cat "$WORK"/restart*.log; fail "the servers did not report bob's page exactly once"; }
echo "  ok the restarted server paged bob once, the next restart not again"

if [ -n "$WALL" ]; then
  echo "the server's scheduler on the wall clock (boto3):"
  set +e
  wait "$WALL"
  status=$?
  set -e
  cat "$WORK/wall.result"
  [ "$status" = 0 ] || { cat "$WORK/wall.log"; fail "the wall-clock escalation"; }
  kill -TERM "$WALL_SERVER" 2>/dev/null || true
  wait "$WALL_SERVER" 2>/dev/null || true
fi
echo "time.sh: ok"
