using System.Globalization;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// Task creates in large units of work (a bulk-create request) from a few concurrent writers.
/// Ceiling: pgbench committing 100-row inserts with as many clients, counted in rows per second.
/// </summary>
internal static class AppendBulkScenario
{
    public const string Name = "append-bulk";

    /// <summary>Rows per pgbench transaction; the ceiling is this many times its transactions per second.</summary>
    private const int CeilingRowsPerTransaction = 100;

    private const string CeilingTable = "CREATE TABLE bench_bulk (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)";

    private static readonly string CeilingScript = string.Create(
        CultureInfo.InvariantCulture,
        $"INSERT INTO bench_bulk (payload) SELECT {BenchTasks.PayloadSql} FROM generate_series(1, {CeilingRowsPerTransaction});");

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var writers = settings.BulkWriters;
        var batch = settings.BulkBatchSize;
        await using var database = await context.CreateDatabaseAsync(writers, cancellationToken);
        await database.ExecuteAsync(CeilingTable, cancellationToken);
        var store = database.Store;

        var measurement = await context.MeasureInterleavedAsync(
            database,
            CeilingScript,
            writers,
            CeilingRowsPerTransaction,
            (warmUp, window) => new TimedLoad(writers, warmUp, window, database.Cpu).RunAsync(_ => TaskBatches.WriteAsync(store, batch), cancellationToken),
            cancellationToken);
        var load = measurement.Load;

        var counts = await database.CountTaskRowsAsync(cancellationToken);
        counts.Verify(load.TotalTasks, load.TotalEvents);
        await context.Output.WriteLineAsync($"  verified: {counts}");

        return ScenarioResult.Against(
            Name,
            load.TasksPerSecond,
            "tasks/s",
            measurement.Ceiling,
            string.Create(CultureInfo.InvariantCulture, $"pgbench -n -M prepared -c {writers} -j {Math.Min(2, writers)}: one {CeilingRowsPerTransaction}-row jsonb insert (INSERT ... SELECT FROM generate_series) per transaction into bench_bulk (identity primary key); rows/s = tps x {CeilingRowsPerTransaction}; {settings.Rounds} slices alternating with the measurement, as long in total"),
            string.Create(CultureInfo.InvariantCulture, $"{writers} writers x {batch} tasks per unit of work; target >= 25,000 tasks/s; {load.Latency}; cpu while measuring: {measurement.LoadCpu}; while pgbench ran: {measurement.CeilingCpu}; ratio per round {measurement.RoundRatios}; {load.TotalTasks} tasks verified in events, tasks and dispatch_queue"));
    }
}
