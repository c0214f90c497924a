using Npgsql;
using Tasks.Domain.Schedules;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.Projections.ReadModels;

/// <summary>Keeps the <c>schedules</c> read model in step with schedule events, in the same transaction.</summary>
public sealed class ScheduleReadModelProjection(string table = "schedules") : IInlineProjection
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
                ScheduleCreated created => Insert(e.StreamId, e.Version, created),
                ScheduleFired fired => Fired(e.StreamId, e.Version, fired),
                ScheduleDeleted => Delete(e.StreamId),
                _ => null,
            };
            if (statement is not null)
            {
                statements.Add(statement);
            }
        }
    }

    private NpgsqlBatchCommand Insert(Guid id, int version, ScheduleCreated created)
    {
        var insert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {table} (id, version, function_name, data, priority, tags, start_at, interval_seconds, next_at, created_at, updated_at,
                created_by_user_id, created_by_application_id)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $7, $9, $9, $10, $11)
            ON CONFLICT (id) DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.FunctionName });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.Data.Json });
        insert.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = created.Priority });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Tags] });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = created.StartTimestamp });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = created.IntervalSeconds });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = created.At });
        insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = created.CreatedByUserId });
        insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = created.CreatedByApplicationId });
        return insert;
    }

    private NpgsqlBatchCommand Fired(Guid id, int version, ScheduleFired fired)
    {
        var update = new NpgsqlBatchCommand($"UPDATE {table} SET version = $2, next_at = $3, last_fired_at = $4, updated_at = $4 WHERE id = $1 AND version < $2");
        update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fired.NextTimestamp });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = fired.At });
        return update;
    }

    private NpgsqlBatchCommand Delete(Guid id)
    {
        var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE id = $1");
        delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return delete;
    }
}
