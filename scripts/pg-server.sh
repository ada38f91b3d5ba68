#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, in a temporary directory on 127.0.0.1.
#   eval "$(bash scripts/pg-server.sh start)"   # prints: export GONGKAI_TEST_PG=postgres://…; export GONGKAI_PG_DIR=…
#   bash scripts/pg-server.sh stop "$GONGKAI_PG_DIR"
# Needs Debian's postgresql (apt-get install postgresql). initdb refuses to run as root, so as root
# the server runs as the postgres user.
set -euo pipefail
cmd=${1:-start}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ]; then echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
case "$cmd" in
  start)
    port=${PGPORT_TEST:-54329}
    dir=$(mktemp -d /tmp/gongkai-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "'$bin/initdb' -D '$dir/data' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
    # PG_FAST=1: no fsync (tests only; benchmarks keep the defaults)
    fast=""
    [ "${PG_FAST:-}" = 1 ] && fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-h 127.0.0.1 -p $port -k '$dir' $fast\" start >/dev/null"
    echo "export GONGKAI_TEST_PG=postgres://postgres@127.0.0.1:$port/postgres; export GONGKAI_PG_DIR=$dir"
    ;;
  stop)
    dir=${2:?directory}
    as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
esac
