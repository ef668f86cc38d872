#!/usr/bin/env bash
# The REPL in a real terminal: tmux types keys (TAB, Ctrl-C, Ctrl-D) and reads
# the screen. Completion of an operation, an option and a live ARN; multi-line
# input; Ctrl-C abandons a line; history survives a restart; Ctrl-D leaves.
set -euo pipefail
bin=$(realpath "$1")
if ! command -v tmux >/dev/null; then echo "repl.sh: tmux is not installed; skipped"; exit 0; fi
work=$(mktemp -d)
socket="$work/tmux.sock"
session=repl
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
passed=0
failed=0

start() {
    tmux -S "$socket" new-session -d -s $session -x 160 -y 50 \
        "env XDG_STATE_HOME='$work/state' NO_COLOR=1 TERM=xterm '$bin' --store '$work/store.sqlite' --user responder --fixed-clock 2026-11-24T10:00:00Z --seed 1; echo REPL-ENDED; sleep 30"
}
keys() { tmux -S "$socket" send-keys -t $session "$@"; }
screen() { tmux -S "$socket" capture-pane -p -t $session -S -200; }
# Waits until the screen matches a pattern (grep -E), for at most ten seconds.
wait_for() {
    for _ in $(seq 100); do
        if screen | grep -qE -- "$1"; then return 0; fi
        sleep 0.1
    done
    return 1
}
check() {
    local what=$1 pattern=$2
    if wait_for "$pattern"; then
        passed=$((passed + 1)); echo "ok   $what"
    else
        failed=$((failed + 1)); echo "FAIL $what: the screen never showed /$pattern/:"; screen | tail -15 | sed 's/^/     | /'
    fi
}
line_is() {  # the last non-empty line of the screen
    screen | grep -v '^$' | tail -1
}

start
check "the prompt shows the channel and the user" 'incident-response@responder> ?$'

keys '@aws ssm-incidents create-ti' Tab
check "TAB completes an operation" 'responder> @aws ssm-incidents create-timeline-event ?$'
keys C-u
keys '@aws ssm-incidents cte' Tab
check "TAB completes an operation by its initials" 'responder> @aws ssm-incidents create-timeline-event ?$'
keys C-u
keys '@aws ssm-incidents get-incident-record --a' Tab
check "TAB completes an option" 'get-incident-record --arn ?$'
keys C-u

keys '@aws ssm-incidents create-replication-set --regions us-east-1={}' Enter
check "a command runs and prints its result" '"arn": "arn:aws:ssm-incidents::111122223333:replication-set/'
keys 'let plan = @aws ssm-incidents create-response-plan --name db --incident-template title=DB,impact=2' Enter
keys 'let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn' Enter
keys '.bindings' Enter
check "bindings hold results" '^\$incident = \{"incidentRecordArn":'
keys '@aws ssm-incidents get-incident-record --arn ' Tab
check "TAB completes a live incident ARN" 'get-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/[0-9a-f-]+ ?$'
keys C-u

keys '@aws ssm-incidents list-response-plans \' Enter
check "a line ending in a backslash continues" '^\.\.\. ?$'
keys '  --query "responsePlanSummaries[0].name"' Enter
check "the continued command runs" '^"db"$'

keys '@aws ssm-incidents update-incident-record --title "not finished' Enter
check "an open quote continues the line" '^\.\.\. ?$'
keys C-c
check "Ctrl-C abandons the line" '\^C$'
keys '@aws ssm-incidents get-incident-record --arn $incident.incidentRecordArn --query incidentRecord.title' Enter
check "the session goes on after Ctrl-C, its state unchanged" '^"DB"$'

keys '@aws ssm-incidents get-incident-record --arnn x' Enter
check "an error prints its diagnostic and returns to the prompt" 'did you mean --arn'
keys '.quit' Enter
check ".quit leaves" 'REPL-ENDED'
tmux -S "$socket" kill-session -t $session

start
check "the REPL starts again" 'responder> ?$'
keys Up
check "history survives a restart" 'responder> @aws ssm-incidents get-incident-record --arnn x$'
keys C-u C-d
check "Ctrl-D leaves" 'REPL-ENDED'

echo "repl.sh: $passed passed, $failed failed"
[ "$failed" = 0 ]
