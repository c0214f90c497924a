using Npgsql;
using Tasks.Domain.Functions;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;

namespace Tasks.Projections.ReadModels;

/// <summary>Keeps the <c>functions</c> read model in step with function events, in the same transaction.</summary>
public sealed class FunctionReadModelProjection(string table = "functions") : IInlineProjection
{
    /// <inheritdoc />
    public void Project(IReadOnlyList<PendingEvent> events, ICollection<NpgsqlBatchCommand> statements)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var e in events)
        {
            var statement = e.Data switch
            {
                FunctionRegistered registered => Upsert(e.StreamId, e.Version, registered.Definition, registered.At, isNew: true),
                FunctionUpdated updated => Upsert(e.StreamId, e.Version, updated.Definition, updated.At, isNew: false),
                FunctionEnabled enabled => SetEnabled(e.StreamId, e.Version, enabled: true, enabled.At),
                FunctionDisabled disabled => SetEnabled(e.StreamId, e.Version, enabled: false, disabled.At),
                FunctionDeleted => Delete(e.StreamId),
                _ => null,
            };
            if (statement is not null)
            {
                statements.Add(statement);
            }
        }
    }

    private NpgsqlBatchCommand Upsert(Guid streamId, int version, FunctionDefinition definition, DateTimeOffset at, bool isNew)
    {
        // A function deleted and registered again keeps its stream: the row is replaced whole.
        var upsert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {table} (name, stream_id, version, description, code_sha256, code_size_bytes, entry_point, runtime, time_limit, memory_limit,
                environment, execution_permission, default_priority, retry_enabled, retry_errors, enabled, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $17)
            ON CONFLICT (name) DO UPDATE SET version = excluded.version, description = excluded.description, code_sha256 = excluded.code_sha256,
                code_size_bytes = excluded.code_size_bytes, entry_point = excluded.entry_point, runtime = excluded.runtime, time_limit = excluded.time_limit,
                memory_limit = excluded.memory_limit, environment = excluded.environment, execution_permission = excluded.execution_permission,
                default_priority = excluded.default_priority, retry_enabled = excluded.retry_enabled, retry_errors = excluded.retry_errors,
                enabled = excluded.enabled, updated_at = excluded.updated_at{(isNew ? ", created_at = excluded.created_at" : "")}
            WHERE {table}.version < excluded.version
            """);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = definition.Name });
        upsert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = definition.Description });
        upsert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = definition.Code?.Sha256Hex });
        upsert.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = definition.Code?.SizeBytes });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = definition.EntryPoint });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = definition.Runtime });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = definition.TimeLimit });
        upsert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = definition.MemoryLimit });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = System.Text.Json.JsonSerializer.Serialize(definition.Environment.ToDictionary(), DomainEventsJson.Default.DictionaryStringString) });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = definition.ExecutionPermission.ToWireName() });
        upsert.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = definition.DefaultPriority });
        upsert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = definition.RetryPolicy.Enabled });
        upsert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. definition.RetryPolicy.ErrorsToRetry] });
        upsert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = definition.Enabled });
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return upsert;
    }

    private NpgsqlBatchCommand SetEnabled(Guid streamId, int version, bool enabled, DateTimeOffset at)
    {
        var update = new NpgsqlBatchCommand($"UPDATE {table} SET enabled = $3, version = $2, updated_at = $4 WHERE stream_id = $1 AND version < $2");
        update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId });
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        update.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = enabled });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return update;
    }

    private NpgsqlBatchCommand Delete(Guid streamId)
    {
        // The function's tasks and their history stay: only the registry entry goes.
        var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE stream_id = $1");
        delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId });
        return delete;
    }
}
