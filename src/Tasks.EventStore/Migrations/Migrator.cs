using Npgsql;

namespace Tasks.EventStore.Migrations;

/// <summary>
/// Applies forward-only migrations at start-up. Several processes may start at once: an advisory
/// lock lets one apply them while the others wait and then find nothing left to do.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource)
{
    // An arbitrary constant that names "schema migrations" among the application's advisory locks.
    private const long MigrationLockKey = 0x7461736b73_01;

    /// <summary>Applies every migration not yet recorded, in the order given; returns the ones applied.</summary>
    /// <exception cref="MigrationException">A recorded migration differs from the code's copy.</exception>
    public async Task<IReadOnlyList<Migration>> ApplyAsync(IEnumerable<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            lockCommand.Parameters.AddWithValue(MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using (var create = new NpgsqlCommand(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    module      text        NOT NULL,
                    version     integer     NOT NULL,
                    name        text        NOT NULL,
                    checksum    text        NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (module, version))
                """, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var applied = new Dictionary<(string, int), string>();
            await using (var read = new NpgsqlCommand("SELECT module, version, checksum FROM schema_migrations", connection))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied[(reader.GetString(0), reader.GetInt32(1))] = reader.GetString(2);
                }
            }

            var done = new List<Migration>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue((migration.Module, migration.Version), out var checksum))
                {
                    if (checksum != migration.Checksum)
                    {
                        throw new MigrationException($"migration {migration.Module} {migration.Version:000}_{migration.Name} was changed after it was applied; add a new migration instead");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var apply = new NpgsqlCommand(migration.Sql, connection, transaction))
                {
                    await apply.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (module, version, name, checksum) VALUES ($1, $2, $3, $4)", connection, transaction))
                {
                    record.Parameters.AddWithValue(migration.Module);
                    record.Parameters.AddWithValue(migration.Version);
                    record.Parameters.AddWithValue(migration.Name);
                    record.Parameters.AddWithValue(migration.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                done.Add(migration);
            }

            return done;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
            unlock.Parameters.AddWithValue(MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

/// <summary>The database's recorded schema history does not match the code's migrations.</summary>
public sealed class MigrationException(string message) : Exception(message);
