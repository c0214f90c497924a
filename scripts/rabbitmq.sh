#!/usr/bin/env bash
# Starts (or reuses) a local RabbitMQ node for development under a git-ignored folder.
# Usage: scripts/rabbitmq.sh start|stop|status|url   (env: RABBITMQ_PORT_LOCAL, RABBITMQ_DATA_LOCAL)
# start and url print the amqp URI on their last line (for ConnectionStrings__RabbitMq).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${RABBITMQ_PORT_LOCAL:-5673}"
data="${RABBITMQ_DATA_LOCAL:-$root/.local/rabbitmq}"
# The node's name is part of its data: keep it stable, and unique per port on this host.
node="tasks-dev-$port@localhost"
bin=/usr/lib/rabbitmq/bin
uri="amqp://guest:guest@127.0.0.1:$port/%2F"

# Not /usr/sbin/rabbitmq-server: as root that one switches to the rabbitmq user, which cannot write our folder.
[ -x "$bin/rabbitmq-server" ] || { echo "RabbitMQ server not found ($bin/rabbitmq-server): run scripts/setup.sh" >&2; exit 1; }

node_env() {
  env RABBITMQ_NODENAME="$node" \
    RABBITMQ_MNESIA_BASE="$data/mnesia" \
    RABBITMQ_LOG_BASE="$data/log" \
    RABBITMQ_CONFIG_FILE="$data/rabbitmq" \
    RABBITMQ_DIST_PORT="$((port + 20000))" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$data/enabled_plugins" \
    RABBITMQ_PID_FILE="$data/rabbitmq.pid" \
    HOME="$data" \
    "$@"
}

ctl() { node_env "$bin/rabbitmqctl" -n "$node" "$@"; }

running() { ctl status >/dev/null 2>&1; }

start() {
  mkdir -p "$data"
  printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users = none\n' "$port" >"$data/rabbitmq.conf"
  [ -f "$data/enabled_plugins" ] || echo '[].' >"$data/enabled_plugins"
  if ! running; then
    # Every descriptor redirected, the subshell's too: a caller reading our output ($(...)) must not wait on the node.
    (cd "$data" && node_env setsid "$bin/rabbitmq-server" &) </dev/null >>"$data/console.log" 2>&1
    for _ in $(seq 1 240); do
      (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
      sleep 0.5
    done
    ctl await_startup >/dev/null || { echo "RabbitMQ did not start; see $data/console.log and $data/log" >&2; exit 1; }
  fi
}

case "${1:-start}" in
  start) start; echo "$uri" ;;
  stop) if running; then ctl stop >/dev/null; fi ;;
  status) if running; then echo "running: $uri"; else echo "stopped"; exit 3; fi ;;
  url) echo "$uri" ;;
  *) echo "usage: $0 start|stop|status|url" >&2; exit 2 ;;
esac
