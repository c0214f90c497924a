using System.Globalization;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Running;
using Tasks.Projections.Commands;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// One task create per transaction through the real command path (decide, then one round trip
/// writing the event, the tasks row and the dispatch_queue row), from many concurrent writers.
/// Ceiling: pgbench committing one single-row insert per transaction with as many clients.
/// </summary>
internal static class AppendSingleScenario
{
    public const string Name = "append-single";

    private const string CeilingTable = "CREATE TABLE bench_single (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)";
    private const string CeilingScript = "INSERT INTO bench_single (payload) VALUES (" + BenchTasks.PayloadSql + ");";

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var writers = settings.SingleWriters;
        await using var database = await context.CreateDatabaseAsync(writers, cancellationToken);
        await database.ExecuteAsync(CeilingTable, cancellationToken);
        var runner = new CommandRunner(database.Store);

        var measurement = await context.MeasureInterleavedAsync(
            database,
            CeilingScript,
            writers,
            ceilingRowsPerTransaction: 1,
            (warmUp, window) => new TimedLoad(writers, warmUp, window, database.Cpu).RunAsync(_ => CreateOneAsync(runner), cancellationToken),
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
            string.Create(CultureInfo.InvariantCulture, $"pgbench -n -M prepared -c {writers} -j {Math.Min(2, writers)}: one single-row jsonb insert per transaction into bench_single (identity primary key); {settings.Rounds} slices alternating with the measurement, as long in total; transactions/s = rows/s"),
            string.Create(CultureInfo.InvariantCulture, $"{writers} writers, one create per transaction; target ratio >= 0.35; {load.Latency}; cpu while measuring: {measurement.LoadCpu}; while pgbench ran: {measurement.CeilingCpu}; ratio per round {measurement.RoundRatios}; {load.TotalTasks} tasks verified in events, tasks and dispatch_queue"));
    }

    private static async Task<Written> CreateOneAsync(CommandRunner runner)
    {
        var id = TimeOrderedId.New();
        var command = BenchTasks.Create(id, DateTimeOffset.UtcNow);
        var result = await runner.RunAsync(
            id,
            DomainStreams.Task,
            state => TaskDecider.Instance.Decide(command, state).ToDecided(),
            BenchTasks.Metadata(),
            isNewStream: true);
        return result.Rejection is null
            ? new Written(1, result.Events.Count)
            : throw new BenchmarkFailedException($"task create was rejected: {result.Rejection}");
    }
}
