using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tasks.Benchmarks.Results;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.Projections;
using Tasks.Projections.Commands;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>dispatch-latency</c>: from due time to invocation at light load. Tasks are created one at a time through the store
/// (BENCH_DISPATCH_RATE a second, 20, for BENCH_SECONDS) with <c>startTimestamp</c> = now; the instant Lambda endpoint
/// notes when each invocation arrives; latency = arrival - max(startTimestamp, the creation's commit). Measured twice:
/// created in the dispatcher's own process (woken by the local log signal; the value) and by another store with its
/// own signal (woken only through NOTIFY, as when another replica creates the task).
/// Ceiling: a plain LISTEN/NOTIFY round trip on the same database at the same rate (pg_notify sent to delivered),
/// half before and half after.
/// </summary>
internal static class DispatchLatencyScenario
{
    public const string Name = "dispatch-latency";

    private const string Channel = "bench_latency";
    private const double TargetP50 = 5;
    private const double TargetP99 = 25;

    private static readonly IReadOnlyList<string> Tags = ["bench"];
    private static readonly Actor Creator = new(BenchTasks.UserId, null);

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var settings = context.Settings;
        var rate = DispatchRig.Number("BENCH_DISPATCH_RATE", 20, 1);
        var options = DispatchRig.OptionsFromEnvironment(inFlight: 64, claimBatch: 100);
        await using var database = await context.CreateDatabaseAsync(4, cancellationToken);
        await using var endpoint = await InstantLambdaEndpoint.StartAsync(recordArrivals: true, cancellationToken);
        await using var rig = DispatchRig.Create(settings, options, endpoint.Address);
        await rig.RegisterFunctionAsync(BenchTasks.FunctionName, cancellationToken);

        // Another process's writer: its own store and signal; the dispatcher hears of its commits only through NOTIFY.
        var remoteSignal = new LogSignal();
        var remoteStore = TaskEventStore.Create(database.DataSource, remoteSignal);
        var remoteRunner = new CommandRunner(remoteStore);
        using var remoteNotifications = new LogNotifications(database.DataSource, remoteSignal, NullLogger<LogNotifications>.Instance);
        await remoteNotifications.StartAsync(cancellationToken);
        await rig.StartAsync(cancellationToken);
        try
        {
            // Warm-up: a backlog drains through every path many times (tier-1 JIT), then light load as measured.
            var warmClock = Stopwatch.StartNew();
            var warmUpTasks = 0;
            for (var i = 0; i < 5; i++)
            {
                warmUpTasks += (await TaskBatches.WriteAsync(rig.Store, 200, cancellationToken)).Tasks;
            }

            await CreateAtRateAsync(rig.Runner, rate, settings.WarmUp, cancellationToken);
            await CreateAtRateAsync(remoteRunner, rate, settings.WarmUp, cancellationToken);
            await WaitUntilIdleAsync(rig, endpoint, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  warmed up in {warmClock.Elapsed.TotalSeconds:0.0} s ({endpoint.Invocations:N0} invocations); dispatcher: {rig.Describe()}; {rate} tasks/s"));

            await database.CheckpointAsync(cancellationToken);
            var half = TimeSpan.FromSeconds(settings.Measured.TotalSeconds / 2);
            var ceilingBefore = await NotifyRoundTripsAsync(rig.DataSource, rate, half, cancellationToken);

            var cpuBefore = database.Cpu.Take();
            var local = await MeasureAsync(rig.Runner, endpoint, rig, rate, settings.Measured, cancellationToken);
            var cpu = database.Cpu.Take().Since(cpuBefore);
            await output.WriteLineAsync($"  same process (local signal): {local}");
            await output.WriteLineAsync($"  cpu: {cpu.Describe(rate, "task")}");
            var remote = await MeasureAsync(remoteRunner, endpoint, rig, rate, settings.Measured, cancellationToken);
            await output.WriteLineAsync($"  other process (NOTIFY): {remote}");

            var ceilingAfter = await NotifyRoundTripsAsync(rig.DataSource, rate, half, cancellationToken);
            var ceiling = Percentiles.Of([.. ceilingBefore, .. ceilingAfter]);
            await output.WriteLineAsync($"  LISTEN/NOTIFY round trip: {ceiling}");

            // Every task, warm-up included, ran once and completed.
            await WaitUntilIdleAsync(rig, endpoint, cancellationToken);
            await VerifyAsync(database.DataSource, endpoint, cancellationToken);

            var verdict = (local.P50 <= TargetP50 ? "p50 ✔" : "p50 ✘") + " " + (local.P99 <= TargetP99 ? "p99 ✔" : "p99 ✘");
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  value: p99 {local.P99:0.00} ms (p50 {local.P50:0.00} ms) against targets p50 <= {TargetP50} ms, p99 <= {TargetP99} ms: {verdict}; ceiling p99 {ceiling.P99:0.00} ms"));
            return ScenarioResult.Against(
                Name,
                local.P99,
                "ms",
                ceiling.P99,
                string.Create(CultureInfo.InvariantCulture, $"LISTEN/NOTIFY round trip on the same database, {rate}/s, half of BENCH_SECONDS before the dispatcher and half after: Stopwatch from sending SELECT pg_notify('{Channel}', ...) (autocommit) to Npgsql delivering the notification on a listening connection; p99 (lower is better); {ceiling}"),
                string.Create(CultureInfo.InvariantCulture, $"value = p99 of arrival at the instant Lambda endpoint - max(startTimestamp, creation commit), tasks created one at a time ({rate}/s for {settings.Measured.TotalSeconds:0} s) through the store in the dispatcher's process, startTimestamp = now; targets p50 <= {TargetP50} ms, p99 <= {TargetP99} ms ({verdict}); same process (local signal): {local}; other process (woken through NOTIFY): {remote}; {rig.Describe()}; cpu while measuring (same process): {cpu.Describe(rate, "task")}"));
        }
        finally
        {
            await rig.StopAsync();
            await remoteNotifications.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Creates tasks at <paramref name="rate"/> a second and returns each one's latency in ms.</summary>
    private static async Task<Percentiles> MeasureAsync(CommandRunner runner, InstantLambdaEndpoint endpoint, DispatchRig rig, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var created = await CreateAtRateAsync(runner, rate, duration, cancellationToken);
        await WaitUntilIdleAsync(rig, endpoint, cancellationToken);
        var latencies = new List<double>(created.Count);
        foreach (var (id, committed) in created)
        {
            if (!endpoint.Arrivals.TryGetValue(id, out var arrival))
            {
                throw new BenchmarkFailedException($"task {id} was never invoked");
            }

            var due = arrival.StartTimestamp > committed ? arrival.StartTimestamp : committed;
            latencies.Add((arrival.Arrived - due).TotalMilliseconds);
        }

        return Percentiles.Of(latencies);
    }

    private static async Task<List<(Guid Id, DateTimeOffset Committed)>> CreateAtRateAsync(CommandRunner runner, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var created = new List<(Guid, DateTimeOffset)>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var wait = (interval * i) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var id = TimeOrderedId.New();
            var now = DateTimeOffset.UtcNow;
            var command = new CreateTask(id, BenchTasks.FunctionName, TaskData.Create(string.Concat("{\"documentId\":\"", id.ToString(), "\",\"size\":3}")), now, null, Tags, null, Creator, [], now);
            var result = await runner.RunAsync(id, DomainStreams.Task, s => TaskDecider.Instance.Decide(command, s).ToDecided(), BenchTasks.Metadata(), isNewStream: true, cancellationToken: cancellationToken);
            var committed = DateTimeOffset.UtcNow;
            if (result.Rejection is { } rejection)
            {
                throw new BenchmarkFailedException($"task create was rejected: {rejection}");
            }

            created.Add((id, committed));
        }

        return created;
    }

    private static async Task WaitUntilIdleAsync(DispatchRig rig, InstantLambdaEndpoint endpoint, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var queued = rig.DataSource.CreateCommand("SELECT count(*) FROM dispatch_queue");
        while (true)
        {
            if (rig.Dispatcher.InFlight == 0 && Convert.ToInt64(await queued.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0 && rig.Dispatcher.InFlight == 0)
            {
                return;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new BenchmarkFailedException($"the dispatcher did not drain its queue within 60 s ({endpoint.Invocations} invocations)");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static async Task VerifyAsync(NpgsqlDataSource dataSource, InstantLambdaEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM tasks), (SELECT count(*) FROM tasks WHERE status = 'complete'),
                   (SELECT count(*) FROM events WHERE type = 'task-started'), (SELECT count(*) FROM events WHERE type = 'task-completed')
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (tasks, complete, started, completed) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        var once = endpoint.InvocationsPerTask.Count(p => p.Value == 1);
        if (complete != tasks || started != tasks || completed != tasks || endpoint.Invocations != tasks || once != tasks)
        {
            throw new BenchmarkFailedException(string.Create(
                CultureInfo.InvariantCulture,
                $"{tasks} tasks: {complete} complete, {started} task-started, {completed} task-completed, {endpoint.Invocations} invocations, {once} tasks invoked exactly once"));
        }
    }

    /// <summary>NOTIFY round trips at <paramref name="rate"/> a second: ms from sending pg_notify to its delivery to a listener.</summary>
    private static async Task<List<double>> NotifyRoundTripsAsync(NpgsqlDataSource dataSource, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentQueue<double>();
        var expected = 0;
        await using var listener = await dataSource.OpenConnectionAsync(cancellationToken);
        listener.Notification += (_, e) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            if (e.Channel == Channel && long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sent))
            {
                latencies.Enqueue(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listening = Task.Run(
            async () =>
            {
                try
                {
                    while (true)
                    {
                        await listener.WaitAsync(stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            },
            CancellationToken.None);

        await using var sender = await dataSource.OpenConnectionAsync(cancellationToken);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration; i++)
        {
            var wait = (interval * i) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', $1)", sender);
            notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture) });
            await notify.ExecuteNonQueryAsync(cancellationToken);
            expected++;
        }

        var deadline = Stopwatch.StartNew();
        while (latencies.Count < expected && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10, cancellationToken);
        }

        await stop.CancelAsync();
        await listening;
        if (latencies.Count != expected)
        {
            throw new BenchmarkFailedException($"{expected} notifications sent, {latencies.Count} delivered");
        }

        return [.. latencies];
    }
}
