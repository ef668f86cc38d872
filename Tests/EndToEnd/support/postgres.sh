# A throwaway PostgreSQL server for the tests (sourced, never run alone).
#
#   source Tests/EndToEnd/support/postgres.sh
#   pg_start || exit 1     # sets PG_URL and exports INCIDENT_CHAT_TEST_POSTGRES
#   ...                    # the server is stopped on exit, also when a test fails
#
# pg_start installs Debian's postgresql when it is missing, runs initdb in a
# temporary folder as the `postgres` user (initdb refuses root), and starts the
# server on a free loopback port and on a socket in that folder, with
# `trust` authentication for loopback only. Nothing else listens, so no test
# touches a server it did not start. pg_stop stops it and removes the folder;
# pg_start arranges for it to run on EXIT, INT and TERM. fsync is off (the
# folder is thrown away), synchronous_commit stays on: a commit that was
# acknowledged survives pg_kill_server, as the crash tests need.

PG_DIR=
PG_PORT=
PG_URL=
PG_DB=incidentchat

# pg_bin NAME: the path of a PostgreSQL server program (Debian keeps them off PATH).
pg_bin() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -1)
    if [ -n "$found" ]; then echo "$found"; else command -v "$1"; fi
}

# pg_install: Debian's postgresql, when its server programs are missing.
pg_install() {
    [ -n "$(pg_bin initdb)" ] && [ -n "$(pg_bin pg_ctl)" ] && return 0
    echo "installing: postgresql"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null || return 1
    [ -n "$(pg_bin initdb)" ]
}

# pg_as_owner COMMAND...: runs a command as the user who owns the cluster.
pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# pg_start: a new cluster and database; sets PG_DIR, PG_PORT, PG_URL and
# exports INCIDENT_CHAT_TEST_POSTGRES. Returns non-zero when it could not start.
pg_start() {
    pg_install || { echo "postgres.sh: cannot install postgresql" >&2; return 1; }
    local initdb pg_ctl createdb owner status
    initdb=$(pg_bin initdb); pg_ctl=$(pg_bin pg_ctl); createdb=$(pg_bin createdb)
    PG_DIR=$(mktemp -d /tmp/incidentchat-pg.XXXXXX) || return 1
    trap pg_stop EXIT
    trap 'pg_stop; exit 130' INT
    trap 'pg_stop; exit 143' TERM
    owner=$(id -un)
    if [ "$(id -u)" = 0 ]; then owner=postgres; chown postgres: "$PG_DIR"; fi
    pg_as_owner "$initdb" -D "$PG_DIR/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 \
        >"$PG_DIR/initdb.log" 2>&1
    status=$?
    if [ "$status" != 0 ]; then
        echo "postgres.sh: initdb failed (as $owner):" >&2; tail -5 "$PG_DIR/initdb.log" >&2; return 1
    fi
    for _ in 1 2 3; do
        PG_PORT=$(pg_free_port)
        pg_as_owner "$pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
            -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" \
            start >/dev/null 2>&1
        status=$?
        [ "$status" = 0 ] && break
    done
    if [ "$status" != 0 ]; then
        echo "postgres.sh: the server did not start:" >&2; tail -5 "$PG_DIR/server.log" >&2; return 1
    fi
    pg_as_owner "$createdb" -h "$PG_DIR" -p "$PG_PORT" -U postgres "$PG_DB"
    status=$?
    [ "$status" = 0 ] || { echo "postgres.sh: createdb failed" >&2; return 1; }
    PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DB"
    export INCIDENT_CHAT_TEST_POSTGRES="$PG_URL"
    echo "postgres.sh: a throwaway PostgreSQL at $PG_URL (socket in $PG_DIR)"
}

# pg_psql SQL: runs SQL on the throwaway database, unaligned, tuples only.
pg_psql() {
    psql -X -q -A -t -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$PG_DB" -v ON_ERROR_STOP=1 -c "$1"
}

# pg_kill_server: stops the server at once (as a crash would), keeping its folder.
pg_kill_server() {
    [ -n "$PG_DIR" ] && pg_as_owner "$(pg_bin pg_ctl)" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
}

# pg_restart_server: starts the stopped server again on the same port.
pg_restart_server() {
    pg_as_owner "$(pg_bin pg_ctl)" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 30 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null 2>&1
}

# pg_stop: stops the server and removes its folder (safe to call twice).
pg_stop() {
    if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
        pg_as_owner "$(pg_bin pg_ctl)" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
        rm -rf "$PG_DIR"
    fi
    PG_DIR=
}
