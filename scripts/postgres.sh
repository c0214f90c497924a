#!/usr/bin/env bash
# Starts (or reuses) a local PostgreSQL cluster for development under a git-ignored folder.
# Usage: scripts/postgres.sh start|stop|status|url   (env: PGPORT_LOCAL, PGDATA_LOCAL)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${PGPORT_LOCAL:-5433}"
data="${PGDATA_LOCAL:-$root/.local/postgres}"
log="$data/../postgres.log"

pgbin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] || { echo "PostgreSQL server binaries not found: run scripts/setup.sh" >&2; exit 1; }
  echo "$d"
}

# As root, the server must run as an unprivileged OS user.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start() {
  local bin; bin=$(pgbin)
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$(dirname "$data")"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '/tmp'
max_connections = 200
shared_buffers = 256MB
CONF
  fi
  if ! as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null
  fi
  psql -h 127.0.0.1 -p "$port" -U postgres -tAc "select 1 from pg_database where datname='tasks'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$port" -U postgres -qc "create database tasks" 
}

case "${1:-start}" in
  start) start; echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=tasks" ;;
  stop) as_owner "$(pgbin)/pg_ctl" -D "$data" -m fast stop ;;
  status) as_owner "$(pgbin)/pg_ctl" -D "$data" status ;;
  url) echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=tasks" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
