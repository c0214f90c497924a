using System.Globalization;

namespace Tasks.Benchmarks;

/// <summary>
/// How a run is shaped. Everything but the scenario name and the results path comes from the
/// environment, so <c>make bench</c> needs no arguments and experiments need no code change.
/// </summary>
internal sealed record BenchSettings(
    string ConnectionString,
    string? Scenario,
    string ResultsPath,
    TimeSpan WarmUp,
    TimeSpan Measured,
    int Rounds,
    int SingleWriters,
    int BulkWriters,
    int BulkBatchSize,
    int RebuildTasks,
    int RebuildRounds,
    string? ExtraConnectionSettings,
    string PgbenchPath)
{
    public const string Usage =
        """
        usage: Tasks.Benchmarks [scenario] [--results <path>]
          env: ConnectionStrings__Postgres (required)
               BENCH_SECONDS (10: timed seconds of load, and as many of pgbench)
               BENCH_ROUNDS (5: slices the two alternate in)  BENCH_WARMUP_SECONDS (2)
               BENCH_SINGLE_WRITERS (16)  BENCH_BULK_WRITERS (4)  BENCH_BULK_BATCH (1000)
               BENCH_REBUILD_TASKS (100000)  BENCH_REBUILD_ROUNDS (3)
               BENCH_NPGSQL (extra connection-string settings, e.g. "Max Auto Prepare=10")
               PGBENCH (path of pgbench; default: /usr/bin/pgbench, else PATH)
        """;

    /// <summary>Reads the command line and the environment.</summary>
    /// <exception cref="ArgumentException">Something is missing or malformed; the message says what.</exception>
    public static BenchSettings Read(IReadOnlyList<string> args)
    {
        string? scenario = null;
        var resultsPath = Path.Combine("bench", "results", "latest.json");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--results" && i + 1 < args.Count)
            {
                resultsPath = args[++i];
            }
            else if (args[i].StartsWith('-') || scenario is not null)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            else
            {
                scenario = args[i];
            }
        }

        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("ConnectionStrings__Postgres is not set (scripts/bench.sh sets it)");
        }

        return new BenchSettings(
            connectionString,
            string.IsNullOrWhiteSpace(scenario) ? null : scenario,
            resultsPath,
            TimeSpan.FromSeconds(Number("BENCH_WARMUP_SECONDS", 2, min: 0)),
            TimeSpan.FromSeconds(Number("BENCH_SECONDS", 10, min: 1)),
            Number("BENCH_ROUNDS", 5, min: 1),
            Number("BENCH_SINGLE_WRITERS", 16, min: 1),
            Number("BENCH_BULK_WRITERS", 4, min: 1),
            Number("BENCH_BULK_BATCH", 1000, min: 2),
            Number("BENCH_REBUILD_TASKS", 100_000, min: 1),
            Number("BENCH_REBUILD_ROUNDS", 3, min: 1),
            Environment.GetEnvironmentVariable("BENCH_NPGSQL"),
            Environment.GetEnvironmentVariable("PGBENCH") is { Length: > 0 } pgbench ? pgbench : DefaultPgbench());
    }

    private static int Number(string variable, int fallback, int min)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{variable} must be a whole number of at least {min}, not '{text}'");
    }

    // The Debian packages put it in /usr/bin; elsewhere rely on PATH.
    private static string DefaultPgbench() => File.Exists("/usr/bin/pgbench") ? "/usr/bin/pgbench" : "pgbench";
}
