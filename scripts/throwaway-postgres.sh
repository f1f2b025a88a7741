#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster in a temp dir on a free port and prints its URL on stdout.
# Usage: eval "$(scripts/throwaway-postgres.sh)"  → sets DATABASE_URL_TEST and LOTRINH_PG_DIR.
# Stop it with: scripts/throwaway-postgres.sh stop "$LOTRINH_PG_DIR"
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL server binaries" >&2; exit 3; }
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }

if [ "${1:-}" = "stop" ]; then
  dir=$2
  as_pg "'$pg_bin/pg_ctl' -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
fi

dir=$(mktemp -d /tmp/lotrinh-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres "$dir"
port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg "'$pg_bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pg_bin/pg_ctl' -D '$dir/data' -l '$dir/log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off\" -w start" >/dev/null
echo "export DATABASE_URL_TEST=postgres://postgres@127.0.0.1:$port/postgres LOTRINH_PG_DIR=$dir"
