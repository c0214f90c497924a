#!/usr/bin/env bash
# Runs the benchmarks against a local PostgreSQL (or ConnectionStrings__Postgres) and writes
# bench/results/latest.json. Usage: scripts/bench.sh [Configuration] [scenario]
# Tuning (see docs/performance.md): BENCH_SECONDS, BENCH_ROUNDS, BENCH_WARMUP_SECONDS, BENCH_SINGLE_WRITERS,
# BENCH_BULK_WRITERS, BENCH_BULK_BATCH, BENCH_NPGSQL (extra Npgsql connection-string settings).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${1:-Release}"
scenario="${2:-}"

if ! command -v "${PGBENCH:-pgbench}" >/dev/null 2>&1 && [ ! -x /usr/bin/pgbench ]; then
  echo "pgbench not found: run scripts/setup.sh (installs postgresql-contrib)" >&2
  exit 1
fi

if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  # The development cluster keeps PostgreSQL's default durability (fsync, synchronous_commit on).
  export ConnectionStrings__Postgres="$("$root/scripts/postgres.sh" start | tail -n 1)"
  echo "PostgreSQL: local cluster under .local/postgres ($ConnectionStrings__Postgres)"
fi

if [ -z "${ConnectionStrings__RabbitMq:-}" ]; then
  # The messaging scenarios (ingest-amqp, outbox-publish) publish to and consume from a real broker.
  export ConnectionStrings__RabbitMq="$("$root/scripts/rabbitmq.sh" start | tail -n 1)"
  echo "RabbitMQ: local node under .local/rabbitmq ($ConnectionStrings__RabbitMq)"
fi

# Tier up to optimized code without waiting for start-up to go quiet: a bench process lives for
# a minute, the service for days, so without this the first rounds would time the JIT, not the store.
export DOTNET_TC_CallCountingDelayMs="${DOTNET_TC_CallCountingDelayMs:-0}"

dll="$root/bench/Tasks.Benchmarks/bin/$configuration/net10.0/Tasks.Benchmarks.dll"
if [ ! -f "$dll" ]; then
  echo "$dll not found: run make build (or dotnet build bench/Tasks.Benchmarks -c $configuration)" >&2
  exit 1
fi

cd "$root"
args=(--results "$root/bench/results/latest.json")
if [ -n "$scenario" ]; then args=("$scenario" "${args[@]}"); fi
exec dotnet "$dll" "${args[@]}"
