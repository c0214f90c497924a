using System.Globalization;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Running;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>What every scenario gets: the settings, pgbench, and where to print side facts.</summary>
internal sealed class ScenarioContext(BenchSettings settings, Pgbench pgbench, TextWriter output)
{
    // Writers restart each round; this lets them get back into step before the window opens.
    private static readonly TimeSpan SettleBetweenRounds = TimeSpan.FromMilliseconds(500);

    public BenchSettings Settings { get; } = settings;

    public Pgbench Pgbench { get; } = pgbench;

    public TextWriter Output { get; } = output;

    /// <summary>A fresh <c>tasks_bench</c> with a pool for <paramref name="writers"/> concurrent writers.</summary>
    public Task<BenchDatabase> CreateDatabaseAsync(int writers, CancellationToken cancellationToken) =>
        BenchDatabase.CreateFreshAsync(Settings, writers, cancellationToken);

    /// <summary>
    /// Measures the load and its pgbench ceiling in alternating short slices (ceiling first in
    /// even rounds, load first in odd ones), each side getting the same total time. On a small,
    /// shared machine the available CPU drifts by tens of percent within seconds; fine
    /// interleaving makes both sides see the same drift, so their ratio stays meaningful.
    /// </summary>
    /// <param name="database">The database both sides write to.</param>
    /// <param name="ceilingScript">The pgbench script.</param>
    /// <param name="ceilingClients">pgbench's client count (the load's writer count, to be comparable).</param>
    /// <param name="ceilingRowsPerTransaction">Rows each pgbench transaction inserts: the ceiling is in rows/s.</param>
    /// <param name="measure">Runs the load for one slice, given its untimed warm-up and timed window.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<InterleavedMeasurement> MeasureInterleavedAsync(
        BenchDatabase database,
        string ceilingScript,
        int ceilingClients,
        int ceilingRowsPerTransaction,
        Func<TimeSpan, TimeSpan, Task<LoadOutcome>> measure,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(measure);
        var slice = TimeSpan.FromSeconds(Math.Max(1, (int)Math.Round(Settings.Measured.TotalSeconds / Settings.Rounds)));
        // Start every scenario from a clean buffer cache state, not from the last scenario's dirty pages.
        await database.CheckpointAsync(cancellationToken);
        var loads = new List<LoadOutcome>();
        var ceilings = new List<PgbenchResult>();
        for (var round = 0; round < Settings.Rounds; round++)
        {
            var warmUp = round == 0 ? Settings.WarmUp : SettleBetweenRounds;
            if (round % 2 == 0)
            {
                ceilings.Add(await Pgbench.RunAsync(database.Connection, ceilingScript, ceilingClients, slice, database.Cpu, cancellationToken));
                loads.Add(await measure(warmUp, slice));
            }
            else
            {
                loads.Add(await measure(warmUp, slice));
                ceilings.Add(await Pgbench.RunAsync(database.Connection, ceilingScript, ceilingClients, slice, database.Cpu, cancellationToken));
            }

            var load = loads[^1];
            var ceilingRows = ceilings[^1].TransactionsPerSecond * ceilingRowsPerTransaction;
            await Output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  round {round + 1}: measured {load.TasksPerSecond:N0} tasks/s ({load.Cpu.Describe(load.TasksPerSecond, "task")}) | ceiling {ceilingRows:N0} rows/s ({ceilings[^1].Cpu.Describe(ceilingRows, "row")}) | ratio {load.TasksPerSecond / ceilingRows:0.000}"));
        }

        var measurement = new InterleavedMeasurement(
            LoadOutcome.Combine(loads),
            [.. ceilings.Select(c => c.TransactionsPerSecond * ceilingRowsPerTransaction)],
            [.. loads.Select(l => l.TasksPerSecond)],
            CpuUsage.Average([.. ceilings.Select(c => c.Cpu)]));
        await Output.WriteLineAsync($"  measured: {measurement.Load}");
        await Output.WriteLineAsync($"  latency per commit: {measurement.Load.Latency}");
        await Output.WriteLineAsync($"  cpu while measuring: {measurement.LoadCpu}");
        await Output.WriteLineAsync($"  cpu while pgbench ran: {measurement.CeilingCpu}");
        return measurement;
    }
}

/// <summary>A load and its ceiling, measured in alternating rounds of equal length.</summary>
/// <param name="Load">The load's rounds combined.</param>
/// <param name="CeilingRounds">The ceiling of each round, in rows per second.</param>
/// <param name="LoadRounds">The load of each round, in tasks per second.</param>
/// <param name="CeilingCpuUsage">Cores busy while pgbench ran, averaged over the rounds.</param>
internal sealed record InterleavedMeasurement(LoadOutcome Load, IReadOnlyList<double> CeilingRounds, IReadOnlyList<double> LoadRounds, CpuUsage CeilingCpuUsage)
{
    /// <summary>The ceiling over the whole run (rounds are equally long, so the mean).</summary>
    public double Ceiling => CeilingRounds.Average();

    /// <summary>How far the per-round ratios spread: a wide range means the machine was busy with other work.</summary>
    public string RoundRatios => string.Join(" ", LoadRounds.Zip(CeilingRounds, (load, ceiling) => (load / ceiling).ToString("0.000", CultureInfo.InvariantCulture)));

    public string LoadCpu => Load.Cpu.Describe(Load.TasksPerSecond, "task");

    public string CeilingCpu => CeilingCpuUsage.Describe(Ceiling, "row");
}
