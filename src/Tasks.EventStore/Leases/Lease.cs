using Npgsql;

namespace Tasks.EventStore.Leases;

/// <summary>
/// A named, time-limited right to do work only one process may do at a time. The holder renews it
/// before it expires; if the holder dies, another process takes it over once it has expired.
/// </summary>
public sealed class Lease(NpgsqlDataSource dataSource, string name, string holder, TimeSpan duration)
{
    /// <summary>The lease's name.</summary>
    public string Name { get; } = name;

    /// <summary>This process's identity as a holder.</summary>
    public string Holder { get; } = holder;

    /// <summary>How long a grant lasts without renewal.</summary>
    public TimeSpan Duration { get; } = duration;

    /// <summary>Takes or renews the lease; true if this process holds it now.</summary>
    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, now() + $3)
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at < now()
            RETURNING holder
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Holder });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Duration });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Gives the lease up at once, if this process holds it.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM leases WHERE name = $1 AND holder = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Holder });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
