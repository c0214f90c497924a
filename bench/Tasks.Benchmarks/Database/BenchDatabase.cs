using Npgsql;
using Tasks.Benchmarks.Running;
using Tasks.EventStore.Connections;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.Projections;

namespace Tasks.Benchmarks.Database;

/// <summary>
/// A freshly created <c>tasks_bench</c> database with the service's schema, and the store over it.
/// Every scenario gets its own, so no scenario pays for the rows or dead tuples of another.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string Name = "tasks_bench";

    private BenchDatabase(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder connection, CpuSampler cpu)
    {
        DataSource = dataSource;
        Connection = connection;
        Cpu = cpu;
        Store = TaskEventStore.Create(dataSource, new LogSignal());
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Where the database is, for pgbench to connect to the same place the same way (TCP or socket).</summary>
    public NpgsqlConnectionStringBuilder Connection { get; }

    public EventStore.EventStore Store { get; }

    /// <summary>Samples this process, the server (when it runs on this machine) and the machine.</summary>
    public CpuSampler Cpu { get; }

    /// <summary>Drops and recreates <c>tasks_bench</c>, applies the schema, and opens a pool of at least <paramref name="writers"/> connections.</summary>
    public static async Task<BenchDatabase> CreateFreshAsync(BenchSettings settings, int writers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using (var admin = new NpgsqlConnection(ServerFacts.MaintenanceConnectionString(settings)))
        {
            await admin.OpenAsync(cancellationToken);
            // Database names cannot be parameters; this one is the class's own constant.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var connection = ConnectionFor(settings, writers);
        // The service's own pool settings, so the bench measures what runs in production.
        var dataSource = EventStoreDataSource.Create(connection.ConnectionString, "tasks-bench");
        try
        {
            await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations, cancellationToken);
            return new BenchDatabase(dataSource, connection, await LocateServerAsync(dataSource, cancellationToken));
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The pool the store writes through: one connection per writer and a few spare (for counting
    /// and checkpoints); BENCH_NPGSQL overrides anything here, for experiments.
    /// </summary>
    public static NpgsqlConnectionStringBuilder ConnectionFor(BenchSettings settings, int writers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString)
        {
            Database = Name,
            Pooling = true,
            MinPoolSize = 0,
            MaxPoolSize = Math.Max(writers + 4, 20),
            // The pool only ever hands connections back to the same code; resetting their state buys nothing.
            NoResetOnClose = true,
            ApplicationName = "tasks-bench",
        };
        if (!string.IsNullOrWhiteSpace(settings.ExtraConnectionSettings))
        {
            // Later keys win, so the experiment's settings replace the defaults above.
            builder = new NpgsqlConnectionStringBuilder(builder.ConnectionString + ";" + settings.ExtraConnectionSettings) { Database = Name };
        }

        return builder;
    }

    private static async Task<CpuSampler> LocateServerAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return CpuSampler.ClientOnly;
        }

        // Only a role that may read server settings sees data_directory; without it the pid alone identifies the server.
        await using var command = dataSource.CreateCommand(
            "SELECT pg_backend_pid(), CASE WHEN pg_has_role('pg_read_all_settings', 'MEMBER') THEN current_setting('data_directory') END");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var postmaster = CpuSampler.FindPostmaster(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
        return postmaster is null ? CpuSampler.ClientOnly : new CpuSampler(postmaster);
    }

    /// <summary>Runs a fixed statement (DDL for the ceiling tables; no values to parameterize).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Writes out every dirty page now, so the next timed phase does not pay for the previous
    /// phase's writes. Durability is untouched: this only moves work out of the timed windows.
    /// </summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync("CHECKPOINT", cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // Not a superuser nor pg_checkpoint: the phases then simply share the checkpointer's load.
        }
    }

    public async Task<TaskRowCounts> CountTaskRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(
            "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM tasks), (SELECT count(*) FROM dispatch_queue)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TaskRowCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>The single value of a fixed query (counts and spans for a scenario's checks; no values to parameterize).</summary>
    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
