#!/usr/bin/env bash
# with-postgres.sh COMMAND...: runs COMMAND with a throwaway PostgreSQL server
# (support/postgres.sh) whose URL is in INCIDENT_CHAT_TEST_POSTGRES, and
# stops the server afterwards, also when COMMAND fails or is interrupted.
# The exit status is COMMAND's.
#   bash Tests/EndToEnd/support/with-postgres.sh swift test --skip-build
source "$(dirname "$0")/postgres.sh"
pg_start || exit 1
"$@"
status=$?
pg_stop
exit "$status"
