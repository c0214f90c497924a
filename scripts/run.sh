#!/usr/bin/env bash
# Runs the service on local defaults: a local PostgreSQL unless ConnectionStrings__Postgres is set.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${1:-Release}"
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  export ConnectionStrings__Postgres="$("$root/scripts/postgres.sh" start | tail -n 1)"
  echo "PostgreSQL: local cluster under .local/postgres ($ConnectionStrings__Postgres)"
fi
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5000}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
echo "Serving on $ASPNETCORE_URLS (health: /health/live, /health/ready)"
cd "$root/src/Tasks.Api/bin/$configuration/net10.0"
exec dotnet Tasks.Api.dll
