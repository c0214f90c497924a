using System.Globalization;
using Npgsql;
using Tasks.Benchmarks.Results;

namespace Tasks.Benchmarks.Database;

/// <summary>
/// The server's version and durability settings, read once and reported with the results: a
/// figure measured with fsync or synchronous_commit off would not be comparable.
/// </summary>
internal sealed record ServerFacts(string Version, string Fsync, string SynchronousCommit, string FullPageWrites, string WalSyncMethod, string SharedBuffers)
{
    public static async Task<ServerFacts> ReadAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var connection = new NpgsqlConnection(MaintenanceConnectionString(settings));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('wal_sync_method'), current_setting('shared_buffers')",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ServerFacts(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }

    /// <summary>A connection to the server's own database, to create and drop the bench database from.</summary>
    public static string MaintenanceConnectionString(BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false };
        if (string.IsNullOrEmpty(builder.Database) || builder.Database == BenchDatabase.Name)
        {
            builder.Database = "postgres";
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether commits are durable as in production; the bench never changes this, but a server may have been set up without.</summary>
    public bool IsDurable => Fsync == "on" && SynchronousCommit is "on" or "remote_apply" or "remote_write" or "local";

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"PostgreSQL {Version}: fsync={Fsync} synchronous_commit={SynchronousCommit} full_page_writes={FullPageWrites} wal_sync_method={WalSyncMethod} shared_buffers={SharedBuffers}; {Environment.ProcessorCount} cores")
        + (IsDurable ? string.Empty : Environment.NewLine + "WARNING: this server does not flush commits to disk; its figures are not comparable with durable runs");

    public RunEnvironment ToRunEnvironment(BenchSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RunEnvironment(
            Environment.ProcessorCount,
            Version,
            Fsync,
            SynchronousCommit,
            settings.ExtraConnectionSettings,
            (int)settings.WarmUp.TotalSeconds,
            (int)settings.Measured.TotalSeconds);
    }
}
