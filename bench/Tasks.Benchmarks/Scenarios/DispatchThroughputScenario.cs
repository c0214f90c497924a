using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>dispatch-throughput</c>: the real dispatcher drains a backlog of due tasks (BENCH_DISPATCH_TASKS, 100,000) against a
/// function that answers at once over HTTP on loopback (<see cref="InstantLambdaEndpoint"/> behind the real Lambda
/// invoker); tasks/s from the first <c>task-started</c> to the last <c>task-completed</c>, by the events' recorded_at.
/// Ceiling: pgbench draining a plain job table of as many rows, 100 jobs claimed (FOR UPDATE SKIP LOCKED) and marked
/// done per transaction, on the same database, before and after the dispatcher (the mean of the two).
/// </summary>
internal static partial class DispatchThroughputScenario
{
    public const string Name = "dispatch-throughput";

    private const int TasksPerUnit = 1000;
    private const int SeedWriters = 4;
    private const int JobsPerTransaction = 100;
    private const double TargetRatio = 0.4;

    // Without progress for this long the drain has stalled: fail rather than wait forever.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    private const string CeilingTable = """
        CREATE TABLE bench_jobs (id bigserial PRIMARY KEY, run_at timestamptz NOT NULL, done boolean NOT NULL);
        CREATE INDEX bench_jobs_due ON bench_jobs (run_at, id) WHERE NOT done
        """;

    private static readonly string CeilingScript = string.Create(
        CultureInfo.InvariantCulture,
        $"WITH claimed AS (SELECT id FROM bench_jobs WHERE NOT done AND run_at <= now() ORDER BY run_at, id LIMIT {JobsPerTransaction} FOR UPDATE SKIP LOCKED) UPDATE bench_jobs SET done = true WHERE id IN (SELECT id FROM claimed);");

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var tasks = DispatchRig.Number("BENCH_DISPATCH_TASKS", 100_000, 1);
        var ceilingClients = DispatchRig.Number("BENCH_DISPATCH_CEILING_CLIENTS", 4, 1);
        // Tuned for throughput, as an operator would for Lambda (whose default account concurrency is 1000): more in flight
        // and larger claims mean fewer, larger commits (256 in flight and claims of 100 gave 3,837 tasks/s, these 5,202).
        var options = DispatchRig.OptionsFromEnvironment(inFlight: 1024, claimBatch: 500);

        await using var database = await context.CreateDatabaseAsync(SeedWriters, cancellationToken);
        await database.ExecuteAsync(CeilingTable, cancellationToken);
        await using var endpoint = await InstantLambdaEndpoint.StartAsync(recordArrivals: false, cancellationToken);
        await using var rig = DispatchRig.Create(context.Settings, options, endpoint.Address);
        await rig.RegisterFunctionAsync(BenchTasks.FunctionName, cancellationToken);

        var seedClock = Stopwatch.StartNew();
        await TaskBatches.SeedAsync(database.Store, tasks, SeedWriters, TasksPerUnit, cancellationToken);
        await database.ExecuteAsync("VACUUM ANALYZE dispatch_queue", cancellationToken);
        await database.ExecuteAsync("VACUUM ANALYZE tasks", cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {tasks:N0} due tasks in units of {TasksPerUnit} in {seedClock.Elapsed.TotalSeconds:0.0} s; dispatcher: {rig.Describe()}"));

        var before = await DrainJobsAsync(context, database, tasks, ceilingClients, cancellationToken);
        await output.WriteLineAsync($"  ceiling (before): {before}");

        await database.CheckpointAsync(cancellationToken);
        var drain = await DrainTasksAsync(database, rig, endpoint, tasks, output, cancellationToken);
        await output.WriteLineAsync($"  dispatcher: {drain}");

        var after = await DrainJobsAsync(context, database, tasks, ceilingClients, cancellationToken);
        await output.WriteLineAsync($"  ceiling (after): {after}");

        var ceiling = (before.JobsPerSecond + after.JobsPerSecond) / 2;
        var ceilingCpu = CpuUsage.Average([before.Cpu, after.Cpu]);
        return ScenarioResult.Against(
            Name,
            drain.TasksPerSecond,
            "tasks/s",
            ceiling,
            string.Create(CultureInfo.InvariantCulture, $"pgbench -n -M prepared -c {ceilingClients} -j {Math.Min(2, ceilingClients)} -t {TransactionsPerClient(tasks, ceilingClients)} draining bench_jobs (bigserial id, run_at, done; partial index (run_at, id) WHERE NOT done) seeded with {tasks:N0} due rows: per transaction WITH claimed AS (SELECT id ... WHERE NOT done AND run_at <= now() ORDER BY run_at, id LIMIT {JobsPerTransaction} FOR UPDATE SKIP LOCKED) UPDATE ... SET done = true WHERE id IN (SELECT id FROM claimed); jobs/s = rows done / pgbench's elapsed time (without connection time); mean of a drain before and one after the dispatcher's"),
            string.Create(CultureInfo.InvariantCulture, $"{tasks:N0} due tasks (seeded in units of {TasksPerUnit}), one function, LambdaFunctionInvoker (SigV4, HTTP/1.1) against an instant endpoint on loopback in the same process; {rig.Describe()}; target ratio >= {TargetRatio}; {drain.Describe()}; ceiling before {before.JobsPerSecond:N0}, after {after.JobsPerSecond:N0} jobs/s; cpu while pgbench ran: {ceilingCpu.Describe(ceiling, "job")}"));
    }

    private static int TransactionsPerClient(int jobs, int clients) => (int)Math.Ceiling(jobs / (double)JobsPerTransaction / clients);

    private static async Task<TaskDrain> DrainTasksAsync(BenchDatabase database, DispatchRig rig, InstantLambdaEndpoint endpoint, int tasks, TextWriter output, CancellationToken cancellationToken)
    {
        var cpuBefore = database.Cpu.Take();
        var clock = Stopwatch.StartNew();
        await rig.StartAsync(cancellationToken);
        var perSecond = new List<long>();
        long lastCount = 0;
        var lastProgress = clock.Elapsed;
        var nextSecond = TimeSpan.FromSeconds(1);
        long countAtSecond = 0;
        // Done when every task was invoked and no run is left in flight (a run ends after its outcome is recorded).
        while (endpoint.Invocations < tasks || rig.Dispatcher.InFlight > 0)
        {
            await Task.Delay(20, cancellationToken);
            var count = endpoint.Invocations;
            if (count != lastCount)
            {
                lastCount = count;
                lastProgress = clock.Elapsed;
            }
            else if (clock.Elapsed - lastProgress > StallLimit)
            {
                throw new BenchmarkFailedException($"the dispatcher stalled: {count:N0} of {tasks:N0} invoked, {rig.Dispatcher.InFlight} in flight, nothing new for {StallLimit.TotalSeconds:0} s");
            }

            if (clock.Elapsed >= nextSecond)
            {
                perSecond.Add(count - countAtSecond);
                countAtSecond = count;
                nextSecond += TimeSpan.FromSeconds(1);
            }
        }

        var wall = clock.Elapsed;
        var cpu = database.Cpu.Take().Since(cpuBefore);
        await rig.StopAsync();
        perSecond.Add(endpoint.Invocations - countAtSecond);
        await output.WriteLineAsync($"  invocations per second: {string.Join(' ', perSecond)}");

        // The events say when the first start and the last completion committed, and that each task ran once.
        await using var command = database.DataSource.CreateCommand("""
            SELECT min(recorded_at) FILTER (WHERE type = 'task-started'),
                   max(recorded_at) FILTER (WHERE type = 'task-completed'),
                   count(*) FILTER (WHERE type = 'task-started'),
                   count(DISTINCT stream_id) FILTER (WHERE type = 'task-started'),
                   count(*) FILTER (WHERE type = 'task-completed'),
                   count(DISTINCT stream_id) FILTER (WHERE type = 'task-completed'),
                   count(*) FILTER (WHERE type NOT IN ('task-created', 'task-started', 'task-completed') AND stream_type = 'task'),
                   (SELECT count(*) FROM tasks WHERE status = 'complete'),
                   (SELECT count(*) FROM dispatch_queue)
            FROM events
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var first = reader.GetFieldValue<DateTimeOffset>(0);
        var last = reader.GetFieldValue<DateTimeOffset>(1);
        var started = reader.GetInt64(2);
        var startedTasks = reader.GetInt64(3);
        var completed = reader.GetInt64(4);
        var completedTasks = reader.GetInt64(5);
        var other = reader.GetInt64(6);
        var complete = reader.GetInt64(7);
        var queued = reader.GetInt64(8);
        var invokedOnce = endpoint.InvocationsPerTask.Count(p => p.Value == 1);
        if (started != tasks || startedTasks != tasks || completed != tasks || completedTasks != tasks || other != 0 || complete != tasks || queued != 0
            || endpoint.Invocations != tasks || invokedOnce != tasks)
        {
            throw new BenchmarkFailedException(string.Create(
                CultureInfo.InvariantCulture,
                $"expected {tasks} tasks started, invoked and completed once each; found {started} task-started ({startedTasks} tasks), {completed} task-completed ({completedTasks} tasks), {other} other task events, {complete} complete, {queued} still queued, {endpoint.Invocations} invocations ({invokedOnce} tasks invoked exactly once)"));
        }

        return new TaskDrain(tasks, last - first, wall, cpu);
    }

    private static async Task<JobDrain> DrainJobsAsync(ScenarioContext context, BenchDatabase database, int jobs, int clients, CancellationToken cancellationToken)
    {
        await database.ExecuteAsync("TRUNCATE bench_jobs", cancellationToken);
        await database.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"INSERT INTO bench_jobs (run_at, done) SELECT now() - interval '1 second', false FROM generate_series(1, {jobs})"), cancellationToken);
        await database.ExecuteAsync("VACUUM ANALYZE bench_jobs", cancellationToken);
        await database.CheckpointAsync(cancellationToken);
        var transactions = TransactionsPerClient(jobs, clients);
        var run = await RunPgbenchAsync(context.Settings.PgbenchPath, database.Connection, CeilingScript, clients, transactions, database.Cpu, cancellationToken);
        await using var count = database.DataSource.CreateCommand("SELECT count(*) FILTER (WHERE done), count(*) FROM bench_jobs");
        await using var reader = await count.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var done = reader.GetInt64(0);
        // Near the end a transaction may find every remaining row locked by others and take none; a few rows may be left.
        if (done < jobs - (clients * JobsPerTransaction))
        {
            throw new BenchmarkFailedException($"the ceiling drained {done} of {jobs} jobs");
        }

        var elapsed = TimeSpan.FromSeconds(run.Transactions / run.TransactionsPerSecond);
        return new JobDrain(done, elapsed, run.TransactionsPerSecond, run.Cpu);
    }

    // The Pgbench helper runs for a time (-T); a drain of a fixed backlog needs a fixed number of transactions (-t).
    private static async Task<(double TransactionsPerSecond, long Transactions, CpuUsage Cpu)> RunPgbenchAsync(
        string executable, NpgsqlConnectionStringBuilder connection, string script, int clients, int transactionsPerClient, CpuSampler cpu, CancellationToken cancellationToken)
    {
        var scriptFile = Path.Combine(Path.GetTempPath(), $"tasks-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(scriptFile, script + Environment.NewLine, cancellationToken);
        try
        {
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])[
                "-n", "-M", "prepared",
                "-c", Text(clients), "-j", Text(Math.Min(2, clients)),
                "-t", Text(transactionsPerClient),
                "-f", scriptFile,
                "-h", connection.Host ?? "localhost", "-p", Text(connection.Port),
                "-U", connection.Username ?? Environment.UserName,
                connection.Database ?? "postgres"])
            {
                start.ArgumentList.Add(argument);
            }

            if (!string.IsNullOrEmpty(connection.Password))
            {
                start.Environment["PGPASSWORD"] = connection.Password;
            }

            start.Environment["PGAPPNAME"] = "tasks-bench-pgbench";
            var serverProcesses = cpu.ServerProcessCount();
            var cpuBefore = cpu.Take();
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {executable}");
            }
            catch (Win32Exception e)
            {
                throw new BenchmarkFailedException($"could not start {executable} (scripts/setup.sh installs it): {e.Message}", e);
            }

            using (process)
            {
                var text = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var errors = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                await cpu.WaitForServerProcessesAsync(serverProcesses, cancellationToken);
                var usage = cpu.Take().Since(cpuBefore);
                var report = await text;
                var tps = Tps().Match(report);
                var processed = Processed().Match(report);
                var failed = FailedTransactions().Match(report);
                if (process.ExitCode != 0 || !tps.Success || !processed.Success || (failed.Success && failed.Groups[1].Value != "0"))
                {
                    throw new BenchmarkFailedException($"pgbench failed (exit code {process.ExitCode}):{Environment.NewLine}{report}{await errors}");
                }

                return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(processed.Groups[1].Value, CultureInfo.InvariantCulture), usage);
            }
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^tps = ([0-9.]+) \(without initial connection time\)", RegexOptions.Multiline)]
    private static partial Regex Tps();

    [GeneratedRegex(@"^number of transactions actually processed: (\d+)", RegexOptions.Multiline)]
    private static partial Regex Processed();

    [GeneratedRegex(@"^number of failed transactions: (\d+)", RegexOptions.Multiline)]
    private static partial Regex FailedTransactions();

    /// <summary>The dispatcher's drain: first start to last completion by the log, and the wall time the bench watched.</summary>
    private sealed record TaskDrain(int Tasks, TimeSpan Elapsed, TimeSpan Wall, CpuUsage Cpu)
    {
        public double TasksPerSecond => Tasks / Elapsed.TotalSeconds;

        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Tasks:N0} tasks started, invoked and completed exactly once; first start to last completion {Elapsed.TotalSeconds:0.00} s (dispatcher start to drained {Wall.TotalSeconds:0.00} s); cpu while draining: {Cpu.Describe(Tasks / Wall.TotalSeconds, "task")}");

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TasksPerSecond:N0} tasks/s; ") + Describe();
    }

    /// <summary>One pgbench drain of the job table.</summary>
    private sealed record JobDrain(long Jobs, TimeSpan Elapsed, double TransactionsPerSecond, CpuUsage Cpu)
    {
        public double JobsPerSecond => Jobs / Elapsed.TotalSeconds;

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{JobsPerSecond:N0} jobs/s ({Jobs:N0} jobs in {Elapsed.TotalSeconds:0.00} s, {TransactionsPerSecond:N0} tps); {Cpu.Describe(JobsPerSecond, "job")}");
    }
}
