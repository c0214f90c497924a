using System.Diagnostics;
using System.Globalization;
using Tasks.Benchmarks.Results;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.Projections.Rebuild;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// Replays the log into a fresh task read model (and dispatch queue) with the projection rebuilder,
/// as an operator would while the service runs. Events are tasks created, started and completed or
/// failed, so every stream folds through several statuses.
/// Ceiling: PostgreSQL alone building one row per task stream from the same events
/// (<c>CREATE TABLE AS SELECT DISTINCT ON (stream_id) ...</c>), counted in events read per second.
/// </summary>
internal static class RebuildScenario
{
    public const string Name = "rebuild";

    private const int TasksPerUnit = 1000;

    private const string CeilingScript =
        "DROP TABLE IF EXISTS rebuild_ceiling; " +
        "CREATE TABLE rebuild_ceiling AS SELECT DISTINCT ON (stream_id) stream_id, version, type, data FROM events WHERE stream_type = 'task' ORDER BY stream_id, version DESC;";

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tasks = context.Settings.RebuildTasks;
        await using var database = await context.CreateDatabaseAsync(2, cancellationToken);
        var events = 0L;
        for (var written = 0; written < tasks; written += TasksPerUnit)
        {
            events += await SeedAsync(database.Store, Math.Min(TasksPerUnit, tasks - written), cancellationToken);
        }

        await database.ExecuteAsync("VACUUM ANALYZE events", cancellationToken);
        await database.CheckpointAsync(cancellationToken);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {tasks:N0} tasks, {events:N0} events"));

        var rounds = new List<double>();
        var ceilings = new List<double>();
        var rebuilder = new ProjectionRebuilder(database.Store);
        for (var round = 0; round < context.Settings.RebuildRounds; round++)
        {
            var clock = Stopwatch.StartNew();
            var applied = await rebuilder.RebuildAsync(new TaskRebuild(), cancellationToken: cancellationToken);
            clock.Stop();
            if (applied != events)
            {
                throw new BenchmarkFailedException($"the rebuild applied {applied} events, the log has {events}");
            }

            rounds.Add(applied / clock.Elapsed.TotalSeconds);
            var ceiling = await context.Pgbench.RunAsync(database.Connection, CeilingScript, 1, TimeSpan.FromSeconds(Math.Max(3, clock.Elapsed.TotalSeconds * 2)), database.Cpu, cancellationToken);
            ceilings.Add(ceiling.TransactionsPerSecond * events);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  round {round + 1}: rebuild {rounds[^1]:N0} events/s | ceiling {ceilings[^1]:N0} events/s"));
        }

        var counts = await database.CountTaskRowsAsync(cancellationToken);
        await context.Output.WriteLineAsync($"  after the rebuilds: {counts}");
        var ratios = string.Join(" ", rounds.Zip(ceilings, (r, c) => (r / c).ToString("0.000", CultureInfo.InvariantCulture)));
        return ScenarioResult.Against(
            Name,
            rounds.Average(),
            "events/s",
            ceilings.Average(),
            "pgbench -n -c 1 repeating DROP TABLE + CREATE TABLE AS SELECT DISTINCT ON (stream_id) ... FROM events ORDER BY stream_id, version DESC (PostgreSQL alone reading every task event and writing one row per task); events/s = transactions/s x events in the log",
            string.Create(CultureInfo.InvariantCulture, $"{tasks:N0} tasks, {events:N0} events (created; started; then completed, failed or left running); the whole rebuild is timed: empty tables, bulk fold and COPY, index builds, catch-up and swap; ratio per round {ratios}; {counts}"));
    }

    private static async Task<long> SeedAsync(EventStore.EventStore store, int count, CancellationToken cancellationToken)
    {
        var work = store.BeginUnitOfWork();
        var metadata = BenchTasks.Metadata();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var id = TimeOrderedId.New();
            var events = new List<ITaskEvent>();
            TaskState? state = null;
            void Apply(ITaskCommand command)
            {
                var decision = TaskDecider.Instance.Decide(command, state);
                if (!decision.IsSuccess)
                {
                    throw new BenchmarkFailedException($"seeding was rejected: {decision.Error}");
                }

                events.AddRange(decision.Events);
                state = TaskDecider.Instance.Fold(state, decision.Events);
            }

            Apply(BenchTasks.Create(id, now));
            Apply(new StartTask(now.AddMinutes(5), now.AddMilliseconds(1)));
            switch (i % 3)
            {
                case 0:
                    Apply(new CompleteTask(null, now.AddMilliseconds(2)));
                    break;
                case 1:
                    Apply(new FailTask(new TaskError("timeout", "Timeout", "took too long"), RetryPolicy.Disabled, TimeOrderedId.New(), now.AddMilliseconds(2)));
                    break;
                default:
                    break;
            }

            work.Append(id, DomainStreams.Task.StreamType, ExpectedVersion.NoStream, events, metadata);
        }

        await work.CommitAsync(cancellationToken);
        return work.Events.Count;
    }
}
