using Npgsql;
using NpgsqlTypes;
using Tasks.Projections.Queries;
using Tasks.TestSupport.Postgres;

namespace Tasks.Projections.Tests.Queries;

/// <summary>Makes a fresh database with the read-model schema and fills it with sample rows.</summary>
internal static class ReadModelDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("queries"));
        await using var command = dataSource.CreateCommand(await ReadSchemaAsync());
        await command.ExecuteNonQueryAsync();
        return dataSource;
    }

    /// <summary>The read-model schema as the Tasks.Projections assembly embeds it (a migrator will own this later).</summary>
    public static async Task<string> ReadSchemaAsync()
    {
        var assembly = typeof(ReadModelQueryCompiler).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("001_read_models.sql", StringComparison.Ordinal));
        await using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    public static async Task InsertTasksAsync(NpgsqlDataSource dataSource, IEnumerable<TaskRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY tasks (id, version, status, status_changed_at, function_name, data, start_at, priority, tags, created_at, updated_at, " +
            "created_by_user_id, created_by_application_id, retried_by_task_id, retry_for_task_ids, error_type, error_name, error_message, new_at) " +
            "FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                await import.WriteAsync(1, NpgsqlDbType.Integer);
                await import.WriteAsync(row.Status, NpgsqlDbType.Text);
                await import.WriteAsync(row.StatusChangedAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(row.FunctionName, NpgsqlDbType.Text);
                await import.WriteAsync("{}", NpgsqlDbType.Jsonb);
                await import.WriteAsync(row.StartAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(row.Priority, NpgsqlDbType.Integer);
                await import.WriteAsync(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
                await import.WriteAsync(row.UpdatedAt, NpgsqlDbType.TimestampTz);
                await WriteNullableAsync(import, row.CreatedByUserId, NpgsqlDbType.Text);
                await WriteNullableAsync(import, row.CreatedByApplicationId, NpgsqlDbType.Text);
                await WriteNullableAsync(import, row.RetriedByTaskId, NpgsqlDbType.Uuid);
                await import.WriteAsync(row.RetryForTaskIds, NpgsqlDbType.Array | NpgsqlDbType.Uuid);
                await WriteNullableAsync(import, row.ErrorType, NpgsqlDbType.Text);
                await WriteNullableAsync(import, row.ErrorName, NpgsqlDbType.Text);
                await WriteNullableAsync(import, row.ErrorMessage, NpgsqlDbType.Text);
                await import.WriteAsync(row.CreatedAt, NpgsqlDbType.TimestampTz);
            }

            await import.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE tasks", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter import, object? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            await import.WriteNullAsync();
        }
        else
        {
            await import.WriteAsync(value, type);
        }
    }
}
