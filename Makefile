# Tasks: event-sourced task scheduling and execution service.
# `make run` and `make test` set up everything they need on a fresh machine.

SHELL := /bin/bash
DOTNET ?= dotnet
CONFIGURATION ?= Release
BENCH ?=
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: help setup build run worker test bench format format-check db db-stop broker broker-stop clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

setup: ## Install PostgreSQL if missing and restore packages
	@scripts/setup.sh

build: setup ## Build the solution (warnings are errors)
	$(DOTNET) build Tasks.sln -c $(CONFIGURATION) --no-restore -v quiet -nologo

run: build ## Start a local PostgreSQL (or use ConnectionStrings__Postgres) and run the service
	@scripts/run.sh $(CONFIGURATION)

worker: build ## Run a standalone worker (the dispatcher alone; start several to scale out)
	@scripts/worker.sh $(CONFIGURATION)

test: build ## Run every test against real, throwaway PostgreSQL clusters
	$(DOTNET) test Tasks.sln -c $(CONFIGURATION) --no-build -v quiet -nologo

bench: build ## Run the benchmarks (BENCH=<scenario> for one); writes bench/results/latest.json
	@scripts/bench.sh $(CONFIGURATION) $(BENCH)

format: ## Format the code
	$(DOTNET) format Tasks.sln

format-check: ## Fail if the code is not formatted
	$(DOTNET) format Tasks.sln --verify-no-changes

db: ## Start only the local development PostgreSQL
	@scripts/postgres.sh start

db-stop: ## Stop the local development PostgreSQL
	@scripts/postgres.sh stop

broker: ## Start only the local development RabbitMQ node
	@scripts/rabbitmq.sh start

broker-stop: ## Stop the local development RabbitMQ node
	@scripts/rabbitmq.sh stop

clean: ## Remove build output
	$(DOTNET) clean Tasks.sln -v quiet -nologo
