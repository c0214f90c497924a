#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine of this kind, then restores the solution.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

need_apt=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then need_apt+=(postgresql); fi
command -v psql >/dev/null 2>&1 || need_apt+=(postgresql-client)
command -v pgbench >/dev/null 2>&1 || need_apt+=(postgresql-contrib)
# RabbitMQ: the tests start throwaway nodes from it, scripts/rabbitmq.sh a development node.
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || need_apt+=(rabbitmq-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null
  # The Debian package starts a cluster of its own; the project runs its own clusters instead.
  $sudo_cmd service postgresql stop >/dev/null 2>&1 || true
  # Likewise the RabbitMQ package starts a node of its own; tests and scripts/rabbitmq.sh run their own nodes.
  $sudo_cmd service rabbitmq-server stop >/dev/null 2>&1 || true
fi

command -v dotnet >/dev/null 2>&1 || { echo "the .NET SDK (dotnet) is required" >&2; exit 1; }
cd "$root"
dotnet restore Tasks.sln --verbosity quiet

# graphql-js, the reference implementation, checks in the tests that standard tools accept our engine.
compat="$root/tests/Tasks.GraphQL.Tests/Compatibility/graphql-js"
if [ ! -d "$compat/node_modules/graphql" ]; then
  command -v npm >/dev/null 2>&1 || { echo "Node.js and npm are required for the GraphQL compatibility tests" >&2; exit 1; }
  npm ci --prefix "$compat" --silent --no-audit --no-fund
fi

# GraphiQL, the browser IDE at /graphql: its browser bundles, embedded into Tasks.Api (src/Tasks.Api/Ide/Ide.targets).
# Installed again when the lock file is newer than what npm last installed.
ide="$root/src/Tasks.Api/Ide"
if [ ! -f "$ide/node_modules/graphiql/graphiql.min.js" ] || [ "$ide/package-lock.json" -nt "$ide/node_modules/.package-lock.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "Node.js and npm are required for the GraphQL IDE (GraphiQL) that Tasks.Api embeds" >&2; exit 1; }
  npm ci --prefix "$ide" --silent --no-audit --no-fund
fi
