# Shared by the end-to-end scripts (sourced, never run alone): counting
# results, and starting `incident-chat serve` on a free loopback port.

passed=0; failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
# finish NAME: the closing line the CI reads, then the exit status.
finish() { echo "$1: $passed passed, $failed failed"; [ "$failed" = 0 ]; exit; }
# drive PREFIX NAME SCRIPT ARGS...: runs a Python driver (at most 300 s) with its
# output in PREFIX.out and PREFIX.err; its ok/FAIL lines count as this
# script's, and one more check says whether it finished.
drive() {
    local prefix=$1 name=$2 status; shift 2
    timeout 300 python3 "$@" >"$prefix.out" 2>"$prefix.err"
    status=$?
    cat "$prefix.out"
    passed=$((passed + $(grep -c '^ok ' "$prefix.out")))
    failed=$((failed + $(grep -c '^FAIL ' "$prefix.out")))
    if [ "$status" = 0 ]; then ok "$name finished"; else fail "$name ($status): $(tail -20 "$prefix.err")"; fi
}

# start_serve PREFIX BIN ARGS...: starts `BIN serve --port 0 ARGS...` in the
# background with its output in PREFIX.out and PREFIX.err; sets server_pid
# and endpoint (empty when it did not start within 10 s).
start_serve() {
    local prefix=$1 binary=$2; shift 2
    "$binary" serve --port 0 "$@" >"$prefix.out" 2>"$prefix.err" & server_pid=$!
    for _ in $(seq 1 100); do
        grep -q 'listening on' "$prefix.out" 2>/dev/null && break
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$prefix.out" | head -1)
}

# stop_serve: SIGTERM to the server started last, and wait for it.
stop_serve() {
    [ -n "${server_pid:-}" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    server_pid=
}

# start_helper PORTFILE COMMAND...: starts a helper server (a fake of a remote
# service) in the background, which writes its port to PORTFILE; sets
# helper_pid, and helper_url (empty when it did not start within 5 s).
start_helper() {
    local port_file=$1; shift
    "$@" & helper_pid=$!
    for _ in $(seq 1 50); do [ -s "$port_file" ] && break; sleep 0.1; done
    helper_url=
    [ -s "$port_file" ] && helper_url="http://127.0.0.1:$(cat "$port_file")"
}

# stop_helper: stops the helper started last.
stop_helper() {
    [ -n "${helper_pid:-}" ] && kill "$helper_pid" 2>/dev/null && wait "$helper_pid" 2>/dev/null
    helper_pid=
}

# require_browser NAME: exits 1 (a failure, not a skip: a browser test that
# skips itself would pass without testing anything) unless headless Chromium,
# its driver and Selenium are installed, as `make test-deps` installs them.
require_browser() {
    local missing=""
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
    command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
    python3 -c 'import selenium' 2>/dev/null || missing="$missing selenium"
    if [ -n "$missing" ]; then
        echo "$1: FAILED: missing$missing (make test-deps installs them: apt-get install chromium chromium-driver, pip install selenium)"
        exit 1
    fi
}

# require_firefox NAME: the same for headless Firefox (Debian's firefox-esr),
# driven over its Marionette protocol by Mozilla's marionette_driver, and
# websocket-client for a second client on the channel's socket.
require_firefox() {
    local missing=""
    command -v firefox-esr >/dev/null 2>&1 || missing="$missing firefox-esr"
    python3 -c 'import marionette_driver' 2>/dev/null || missing="$missing marionette_driver"
    python3 -c 'import websocket' 2>/dev/null || missing="$missing websocket-client"
    if [ -n "$missing" ]; then
        echo "$1: FAILED: missing$missing (make test-deps installs them: apt-get install firefox-esr, pip install marionette_driver websocket-client)"
        exit 1
    fi
}
