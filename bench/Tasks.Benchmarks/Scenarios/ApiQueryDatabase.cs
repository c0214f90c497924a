using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Running;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Connections;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Streams;
using Tasks.Projections;
using Tasks.Projections.Commands;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// The database <c>api-query</c> reads: <c>tasks_bench_query</c>, holding many tasks written through the real store
/// (domain decisions, bulk units of work, inline read models), so <c>tasks</c>, <c>events</c> and
/// <c>dispatch_queue</c> agree. Seeding a million tasks takes minutes on two cores, so the database is kept
/// between runs and reused when it holds what was asked for (a marker row records the seed); any other scenario's
/// <c>tasks_bench</c> is separate and is not touched.
/// </summary>
internal sealed class ApiQueryDatabase : IAsyncDisposable
{
    public const string Name = "tasks_bench_query";

    /// <summary>Bump when the seeded data changes shape, so that older seeds are replaced rather than reused.</summary>
    private const int Layout = 1;

    private const int TasksPerUnit = 1000;

    /// <summary>Concurrent units of work while seeding (the append-bulk scenario's tuning: 2-4 keep both cores busy).</summary>
    private const int SeedWriters = 3;

    private static readonly TimeSpan Spread = TimeSpan.FromDays(30);

    private static readonly string[] TagPool = ["bench", "images", "reports", "billing", "nightly", "urgent", "customer-42", "eu-west"];

    private static readonly TaskError Timeout = new("timeout", "Timeout", "took too long");

    private static readonly RetryPolicy Retrying = new(true);

    private ApiQueryDatabase(NpgsqlDataSource dataSource, CpuSampler cpu, string description)
    {
        DataSource = dataSource;
        Cpu = cpu;
        Description = description;
    }

    /// <summary>The functions tasks are spread over, evenly.</summary>
    public static IReadOnlyList<string> FunctionNames { get; } =
    [
        "resize-image", "send-email", "generate-report", "sync-crm", "charge-card", "refund-payment", "export-csv",
        "import-feed", "transcode-video", "index-document", "send-sms", "notify-webhook", "cleanup-storage",
        "compute-invoice", "backup-database", "scan-upload", "render-pdf", "translate-text", "train-model", "archive-logs",
    ];

    /// <summary>A pool like the service's (<c>EventStoreDataSource.Create</c>), for the direct SQL ceiling and checks.</summary>
    public NpgsqlDataSource DataSource { get; }

    public CpuSampler Cpu { get; }

    /// <summary>What the database holds, and whether it was seeded now or reused.</summary>
    public string Description { get; }

    /// <summary>Reuses <c>tasks_bench_query</c> if it holds <paramref name="tasks"/> seeded tasks of this layout; otherwise recreates and seeds it.</summary>
    public static async Task<ApiQueryDatabase> PrepareAsync(BenchSettings settings, int tasks, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var connectionString = ApiServiceHost.ConnectionStringFor(settings, Name);
        if (await ExistsAsync(settings, cancellationToken))
        {
            var existing = EventStoreDataSource.Create(connectionString, "tasks-bench-query");
            try
            {
                // New migrations (an index added since the seed, say) apply to the kept database too.
                await new Migrator(existing).ApplyAsync(TaskEventStore.Migrations, cancellationToken);
                if (await ReadSeedAsync(existing, tasks, cancellationToken) is { } seed)
                {
                    await output.WriteLineAsync($"  reusing {Name}: {seed} (no re-seeding; DROP DATABASE {Name} to force it)");
                    return new ApiQueryDatabase(existing, await LocateServerAsync(existing, cancellationToken), $"reused: {seed}");
                }

                await output.WriteLineAsync($"  {Name} does not hold {tasks:N0} seeded tasks of layout {Layout}: recreating it");
            }
            catch
            {
                await existing.DisposeAsync();
                throw;
            }

            await existing.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }

        await RecreateAsync(settings, cancellationToken);
        var dataSource = EventStoreDataSource.Create(connectionString, "tasks-bench-query");
        try
        {
            await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations, cancellationToken);
            var seeded = await SeedAsync(dataSource, tasks, output, cancellationToken);
            return new ApiQueryDatabase(dataSource, await LocateServerAsync(dataSource, cancellationToken), $"seeded now: {seeded}");
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();

    private static async Task<bool> ExistsAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(ServerFacts.MaintenanceConnectionString(settings));
        await admin.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", admin);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task RecreateAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(ServerFacts.MaintenanceConnectionString(settings));
        await admin.OpenAsync(cancellationToken);
        // Database names cannot be parameters; this one is the class's own constant.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", admin);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The seed's description if the marker matches and the read model still holds exactly that many tasks; else null.</summary>
    private static async Task<string?> ReadSeedAsync(NpgsqlDataSource dataSource, int tasks, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT s.tasks, s.events, s.seeded_at, (SELECT count(*) FROM tasks) FROM bench_query_seed s WHERE s.layout = $1 ORDER BY s.seeded_at DESC LIMIT 1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Layout });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var seeded = reader.GetInt64(0);
            var events = reader.GetInt64(1);
            var at = reader.GetFieldValue<DateTimeOffset>(2);
            var present = reader.GetInt64(3);
            return seeded == tasks && present == tasks
                ? string.Create(CultureInfo.InvariantCulture, $"{present:N0} tasks, {events:N0} events, seeded {at:yyyy-MM-dd HH:mm} UTC")
                : null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    private static async Task<string> SeedAsync(NpgsqlDataSource dataSource, int tasks, TextWriter output, CancellationToken cancellationToken)
    {
        var store = TaskEventStore.Create(dataSource, new LogSignal());
        var origin = DateTimeOffset.UtcNow - Spread;
        var units = (tasks + TasksPerUnit - 1) / TasksPerUnit;
        long nextUnit = -1, written = 0, events = 0;
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var reportLock = new Lock();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeding {tasks:N0} tasks into {Name} ({SeedWriters} writers x {TasksPerUnit} tasks per unit of work, through the store) ..."));
        var writers = Enumerable.Range(0, SeedWriters).Select(_ => Task.Run(
            async () =>
            {
                long unit;
                while ((unit = Interlocked.Increment(ref nextUnit)) < units)
                {
                    var first = (int)unit * TasksPerUnit;
                    var count = Math.Min(TasksPerUnit, tasks - first);
                    Interlocked.Add(ref events, await SeedUnitAsync(store, (int)unit, first, count, tasks, origin, cancellationToken));
                    var done = Interlocked.Add(ref written, count);
                    lock (reportLock)
                    {
                        if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
                        {
                            lastReport = clock.Elapsed;
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {done:N0} tasks in {clock.Elapsed.TotalSeconds:0} s ({done / clock.Elapsed.TotalSeconds:N0} tasks/s)"));
                        }
                    }
                }
            },
            cancellationToken)).ToArray();
        await Task.WhenAll(writers);
        var seedTime = clock.Elapsed;

        // As autovacuum would eventually: statistics for the planner, and the visibility map. Done now so that
        // autovacuum has nothing left to do on these tables while latency is measured.
        clock.Restart();
        foreach (var table in (string[])["tasks", "dispatch_queue", "events"])
        {
            await using var vacuum = dataSource.CreateCommand($"VACUUM (ANALYZE) {table}");
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        var vacuumTime = clock.Elapsed;
        await using (var table = dataSource.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_query_seed (tasks bigint NOT NULL, events bigint NOT NULL, layout integer NOT NULL, seconds double precision NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())"))
        {
            await table.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var marker = dataSource.CreateCommand("INSERT INTO bench_query_seed (tasks, events, layout, seconds) VALUES ($1, $2, $3, $4)"))
        {
            marker.Parameters.Add(new NpgsqlParameter<long> { TypedValue = tasks });
            marker.Parameters.Add(new NpgsqlParameter<long> { TypedValue = events });
            marker.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Layout });
            marker.Parameters.Add(new NpgsqlParameter<double> { TypedValue = seedTime.TotalSeconds });
            await marker.ExecuteNonQueryAsync(cancellationToken);
        }

        var description = string.Create(
            CultureInfo.InvariantCulture,
            $"{tasks:N0} tasks, {events:N0} events in {seedTime.TotalSeconds:0} s ({tasks / seedTime.TotalSeconds:N0} tasks/s), then VACUUM ANALYZE in {vacuumTime.TotalSeconds:0} s");
        await output.WriteLineAsync($"  seeded {description}");
        return description;
    }

    /// <summary>
    /// One unit of work of tasks <paramref name="first"/>.. : creation times rise evenly over the last 30 days (ids are
    /// UUIDv7 of that time, as the service makes them), 20 functions, priorities 0-9, one to three tags, and statuses
    /// new 10%, inProgress 5%, complete 55%, failed 12%, retried 6% (its retry task is not created), canceled 12%.
    /// </summary>
    private static async Task<long> SeedUnitAsync(EventStore.EventStore store, int unit, int first, int count, int total, DateTimeOffset origin, CancellationToken cancellationToken)
    {
#pragma warning disable CA5394 // Test data: repeatable pseudo-randomness is the point, not security.
        var random = new Random(unit);
        var work = store.BeginUnitOfWork();
        var metadata = BenchTasks.Metadata();
        var events = new List<ITaskEvent>(4);
        for (var i = 0; i < count; i++)
        {
            var created = origin + (Spread * ((first + i + random.NextDouble()) / total));
            var id = TimeOrderedId.At(created);
            var actor = new Actor(string.Create(CultureInfo.InvariantCulture, $"user-{random.Next(50)}"), null);
            var tags = new string[1 + random.Next(3)];
            for (var t = 0; t < tags.Length; t++)
            {
                tags[t] = TagPool[(random.Next(TagPool.Length) + t) % TagPool.Length];
            }

            var data = TaskData.Create(string.Create(CultureInfo.InvariantCulture, $"{{\"documentId\":\"{id}\",\"size\":{random.Next(1, 10)}}}"));
            var started = created + TimeSpan.FromSeconds(1 + random.Next(60));
            var ended = started + TimeSpan.FromMilliseconds(100 + random.Next(30_000));
            var roll = random.Next(100);
            events.Clear();
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

            Apply(new CreateTask(id, FunctionNames[random.Next(FunctionNames.Count)], data, null, random.Next(10), tags, null, actor, [], created));
            if (roll >= 88)
            {
                Apply(new CancelTask(actor, created + TimeSpan.FromSeconds(1 + random.Next(600))));
            }
            else if (roll >= 10)
            {
                Apply(new StartTask(started + TimeSpan.FromMinutes(5), started));
                if (roll >= 82)
                {
                    Apply(new FailTask(Timeout, Retrying, TimeOrderedId.At(ended), ended));
                }
                else if (roll >= 70)
                {
                    Apply(new FailTask(Timeout, RetryPolicy.Disabled, Guid.Empty, ended));
                }
                else if (roll >= 15)
                {
                    Apply(new CompleteTask(null, ended));
                }
            }
#pragma warning restore CA5394

            work.Append(id, DomainStreams.Task.StreamType, ExpectedVersion.NoStream, [.. events], metadata);
        }

        await work.CommitAsync(cancellationToken);
        return work.Events.Count;
    }

    private static async Task<CpuSampler> LocateServerAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return CpuSampler.ClientOnly;
        }

        await using var command = dataSource.CreateCommand(
            "SELECT pg_backend_pid(), CASE WHEN pg_has_role('pg_read_all_settings', 'MEMBER') THEN current_setting('data_directory') END");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return CpuSampler.FindPostmaster(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1)) is { } postmaster
            ? new CpuSampler(postmaster)
            : CpuSampler.ClientOnly;
    }
}
