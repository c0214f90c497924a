#!/usr/bin/env bash
# Runs the service on local defaults: a local PostgreSQL unless ConnectionStrings__Postgres is set, and a local
# RabbitMQ node unless ConnectionStrings__RabbitMq is set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${1:-Release}"
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  export ConnectionStrings__Postgres="$("$root/scripts/postgres.sh" start | tail -n 1)"
  echo "PostgreSQL: local cluster under .local/postgres ($ConnectionStrings__Postgres)"
fi
if [ -z "${ConnectionStrings__RabbitMq:-}" ]; then
  export ConnectionStrings__RabbitMq="$("$root/scripts/rabbitmq.sh" start | tail -n 1)"
  echo "RabbitMQ: local node under .local/rabbitmq ($ConnectionStrings__RabbitMq)"
else
  echo "RabbitMQ: $(printf '%s' "$ConnectionStrings__RabbitMq" | sed -E 's#(://[^:/@]+:)[^@]*@#\1***@#')"
fi
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
if [ -z "${Auth__SigningKey:-}" ] && [ -z "${Auth__Authority:-}" ]; then
  # A development signing key, kept across runs so that printed tokens stay valid; never used outside this machine.
  key_file="$root/.local/dev-signing-key"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$root/.local"
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 > "$key_file")
  fi
  export Auth__SigningKey="$(cat "$key_file")"
  echo "Auth: development signing key in .local/dev-signing-key"
fi
# Run due tasks in this process on this machine (node, python3), and register the sample function on first start.
export Dispatcher__Runtime="${Dispatcher__Runtime:-local}"
export Samples__Register="${Samples__Register:-true}"
echo "Dispatcher: $Dispatcher__Runtime runtime; sample function: hello (samples/hello)"
echo "Serving on $ASPNETCORE_URLS (GraphQL and its IDE: /graphql; health: /health/live, /health/ready)"
cd "$root/src/Tasks.Api/bin/$configuration/net10.0"
exec dotnet Tasks.Api.dll
