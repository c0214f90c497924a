#!/usr/bin/env bash
# Runs a standalone worker (the dispatcher alone): a local PostgreSQL unless ConnectionStrings__Postgres is set.
# Start as many as you like against one database; each claims its share of the due tasks.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${1:-Release}"
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  export ConnectionStrings__Postgres="$("$root/scripts/postgres.sh" start | tail -n 1)"
  echo "PostgreSQL: local cluster under .local/postgres ($ConnectionStrings__Postgres)"
fi
# On this machine (node, python3) like `make run`, unless Dispatcher__Runtime says otherwise; the worker itself
# defaults to lambda (AWS_REGION and the standard credential chain), which is what a deployed worker wants.
export Dispatcher__Runtime="${Dispatcher__Runtime:-local}"
echo "Dispatcher: $Dispatcher__Runtime runtime; SIGTERM or Ctrl+C stops it, letting running tasks finish"
cd "$root/src/Tasks.Dispatcher/bin/$configuration/net10.0"
exec dotnet Tasks.Dispatcher.dll
