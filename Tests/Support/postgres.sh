#!/bin/sh
# Debian's PostgreSQL for the tests, in a throwaway cluster of its own (trust authentication, on
# 127.0.0.1 only, port 55432), so no system configuration is touched:
#   Tests/Support/postgres.sh start    prints the URL to give the tests (OUTREACH_TEST_POSTGRES)
#   Tests/Support/postgres.sh stop
set -eu
folder=/tmp/outreach-test-postgres
port=55432
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgres.sh: Debian's postgresql is not installed" >&2; exit 1; }
as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "${1:-}" in
start)
    if [ ! -f "$folder/data/PG_VERSION" ]; then
        rm -rf "$folder"
        mkdir -p "$folder"
        [ "$(id -u)" = 0 ] && chown postgres "$folder"
        as_postgres "$bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 >/dev/null
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$folder/data" status >/dev/null 2>&1; then
        as_postgres "$bin/pg_ctl" -D "$folder/data" -l "$folder/log" -w \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $folder -c fsync=on" start >/dev/null
    fi
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    as_postgres "$bin/pg_ctl" -D "$folder/data" -m fast stop >/dev/null 2>&1 || true
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
