using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;

namespace Tasks.Projections.ReadModels;

/// <summary>
/// Keeps the <c>tasks</c> read model and the <c>dispatch_queue</c> in step with task events, in the
/// same transaction. A task is in the queue exactly while it is <c>new</c>. Every update is guarded by
/// the stream version, so applying an event twice (a rebuild catching up) changes nothing.
/// </summary>
public sealed class TaskReadModelProjection(TaskTables tables) : IInlineProjection
{
    /// <summary>The projection over the live tables.</summary>
    public TaskReadModelProjection()
        : this(TaskTables.Live)
    {
    }

    /// <inheritdoc />
    public void Project(IReadOnlyList<PendingEvent> events, ICollection<NpgsqlBatchCommand> statements)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(statements);
        // Creations are written as one multi-row insert per table: bulk creates cost two statements, not two per task.
        var created = events.Where(e => e.Data is TaskCreated).ToList();
        if (created.Count > 1)
        {
            statements.Add(InsertMany(created));
            statements.Add(EnqueueMany(created));
        }

        // A batch of starts or completions, one per task (a dispatcher's claim, a group commit), is applied set-wise
        // too; with several events of one task in the batch, their order matters, and each is applied in turn.
        var oneEachStream = events.Select(e => e.StreamId).Distinct().Count() == events.Count;
        var started = oneEachStream ? events.Where(e => e.Data is TaskStarted).ToList() : [];
        var completed = oneEachStream ? events.Where(e => e.Data is TaskCompleted).ToList() : [];
        if (started.Count > 1)
        {
            statements.Add(StartMany(started));
            statements.Add(DequeueMany(started));
        }

        if (completed.Count > 1)
        {
            statements.Add(CompleteMany(completed));
        }

        foreach (var e in events)
        {
            var applied = e.Data switch
            {
                TaskCreated => created.Count > 1,
                TaskStarted => started.Count > 1,
                TaskCompleted => completed.Count > 1,
                _ => false,
            };
            if (!applied)
            {
                Apply(e.StreamId, e.Version, e.Data, statements);
            }
        }
    }

    /// <summary>Adds the statements that apply one event of task <paramref name="taskId"/> at <paramref name="version"/>.</summary>
    public void Apply(Guid taskId, int version, object @event, ICollection<NpgsqlBatchCommand> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        switch (@event)
        {
            case TaskCreated created:
                statements.Add(Insert(taskId, version, created));
                statements.Add(Enqueue(taskId, created));
                break;
            case TaskCancelled cancelled:
                statements.Add(ChangeStatus(taskId, version, "canceled", "canceled_at", cancelled.At));
                statements.Add(Dequeue(taskId));
                break;
            case TaskStarted started:
                var start = ChangeStatus(taskId, version, "inProgress", "in_progress_at", started.At, ", lease_expires_at = $5");
                start.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = started.LeaseExpiresAt });
                statements.Add(start);
                statements.Add(Dequeue(taskId));
                break;
            case TaskCompleted completed:
                statements.Add(ChangeStatus(taskId, version, "complete", "complete_at", completed.At, ", lease_expires_at = NULL"));
                break;
            case TaskFailed failed:
                statements.Add(WithError(ChangeStatus(taskId, version, "failed", "failed_at", failed.At, ", lease_expires_at = NULL, error_type = $5, error_name = $6, error_message = $7"), failed.Error));
                break;
            case TaskDeferred deferred:
                var defer = ChangeStatus(taskId, version, "new", "new_at", deferred.At, ", start_at = $5, lease_expires_at = NULL");
                defer.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = deferred.RetryAt });
                statements.Add(defer);
                statements.Add(Requeue(taskId));
                break;
            case TaskRetried retried:
                var retry = WithError(ChangeStatus(taskId, version, "retried", "retried_at", retried.At, ", lease_expires_at = NULL, error_type = $5, error_name = $6, error_message = $7, retried_by_task_id = $8"), retried.Error);
                retry.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = retried.RetriedByTaskId });
                statements.Add(retry);
                break;
            default:
                break;
        }
    }

    private NpgsqlBatchCommand Insert(Guid taskId, int version, TaskCreated created)
    {
        var insert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {tables.Tasks} (id, version, status, status_changed_at, function_name, data, start_at, priority, tags, created_at, updated_at,
                created_by_user_id, created_by_application_id, retry_for_task_ids, new_at)
            VALUES ($1, $2, 'new', $3, $4, $5::jsonb, $6, $7, $8, $3, $3, $9, $10, $11, $3)
            {tables.OnConflictSkip("id")}
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = created.At });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.FunctionName });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.Data.Json });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = created.StartTimestamp });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = created.Priority });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Tags] });
        insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = created.CreatedByUserId });
        insert.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = created.CreatedByApplicationId });
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. created.RetryForTaskIds] });
        return insert;
    }

    private NpgsqlBatchCommand InsertMany(List<PendingEvent> events)
    {
        var created = events.Select(e => (TaskCreated)e.Data).ToArray();
        var insert = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {tables.Tasks} (id, version, status, status_changed_at, function_name, data, start_at, priority, tags, created_at, updated_at,
                created_by_user_id, created_by_application_id, retry_for_task_ids, new_at)
            SELECT id, version, 'new', at, function_name, data, start_at, priority, ARRAY(SELECT jsonb_array_elements_text(tags)), at, at, user_id, application_id,
                ARRAY(SELECT jsonb_array_elements_text(retry_for)::uuid), at
            FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::jsonb[], $6::timestamptz[], $7::int[], $8::jsonb[], $9::text[], $10::text[], $11::jsonb[])
                AS t(id, version, at, function_name, data, start_at, priority, tags, user_id, application_id, retry_for)
            {tables.OnConflictSkip("id")}
            """);
        // Lists differ in length from row to row, and PostgreSQL arrays must be rectangular: each row's list travels as a JSON array.
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.StreamId)] });
        insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. events.Select(e => e.Version)] });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. created.Select(c => c.At)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Select(c => c.FunctionName)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Select(c => c.Data.Json)], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. created.Select(c => c.StartTimestamp)] });
        insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. created.Select(c => c.Priority)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Select(c => JsonSerializer.Serialize(c.Tags.ToArray(), DomainEventsJson.Default.StringArray))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. created.Select(c => c.CreatedByUserId)] });
        insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. created.Select(c => c.CreatedByApplicationId)] });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Select(c => JsonSerializer.Serialize(c.RetryForTaskIds.ToArray(), DomainEventsJson.Default.GuidArray))], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        return insert;
    }

    private NpgsqlBatchCommand EnqueueMany(List<PendingEvent> events)
    {
        var created = events.Select(e => (TaskCreated)e.Data).ToArray();
        var enqueue = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {tables.Queue} (task_id, function_name, priority, start_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[])
            {tables.OnConflictSkip("task_id")}
            """);
        enqueue.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.StreamId)] });
        enqueue.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. created.Select(c => c.FunctionName)] });
        enqueue.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. created.Select(c => c.Priority)] });
        enqueue.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. created.Select(c => c.StartTimestamp)] });
        return enqueue;
    }

    private NpgsqlBatchCommand StartMany(List<PendingEvent> events)
    {
        var starts = events.Select(e => (TaskStarted)e.Data).ToArray();
        var update = new NpgsqlBatchCommand(
            $"""
            UPDATE {tables.Tasks} t SET version = u.version, status = 'inProgress', status_changed_at = u.at, updated_at = u.at, in_progress_at = u.at,
                lease_expires_at = u.lease_expires_at
            FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::timestamptz[]) AS u(id, version, at, lease_expires_at)
            WHERE t.id = u.id AND t.version < u.version
            """);
        update.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.StreamId)] });
        update.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. events.Select(e => e.Version)] });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. starts.Select(s => s.At)] });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. starts.Select(s => s.LeaseExpiresAt)] });
        return update;
    }

    private NpgsqlBatchCommand DequeueMany(List<PendingEvent> events)
    {
        var dequeue = new NpgsqlBatchCommand($"DELETE FROM {tables.Queue} WHERE task_id = ANY($1)");
        dequeue.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.StreamId)] });
        return dequeue;
    }

    private NpgsqlBatchCommand CompleteMany(List<PendingEvent> events)
    {
        var update = new NpgsqlBatchCommand(
            $"""
            UPDATE {tables.Tasks} t SET version = u.version, status = 'complete', status_changed_at = u.at, updated_at = u.at, complete_at = u.at,
                lease_expires_at = NULL
            FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS u(id, version, at)
            WHERE t.id = u.id AND t.version < u.version
            """);
        update.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. events.Select(e => e.StreamId)] });
        update.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. events.Select(e => e.Version)] });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. events.Select(e => ((TaskCompleted)e.Data).At)] });
        return update;
    }

    private NpgsqlBatchCommand Enqueue(Guid taskId, TaskCreated created)
    {
        var enqueue = new NpgsqlBatchCommand($"INSERT INTO {tables.Queue} (task_id, function_name, priority, start_at) VALUES ($1, $2, $3, $4) {tables.OnConflictSkip("task_id")}");
        enqueue.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        enqueue.Parameters.Add(new NpgsqlParameter<string> { TypedValue = created.FunctionName });
        enqueue.Parameters.Add(new NpgsqlParameter<int> { TypedValue = created.Priority });
        enqueue.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = created.StartTimestamp });
        return enqueue;
    }

    // Back in the queue from the row just updated (its function, priority and new start), only if it is new now.
    private NpgsqlBatchCommand Requeue(Guid taskId)
    {
        var requeue = new NpgsqlBatchCommand(
            $"INSERT INTO {tables.Queue} (task_id, function_name, priority, start_at) SELECT id, function_name, priority, start_at FROM {tables.Tasks} WHERE id = $1 AND status = 'new' {tables.OnConflictSkip("task_id")}");
        requeue.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        return requeue;
    }

    private NpgsqlBatchCommand Dequeue(Guid taskId)
    {
        var dequeue = new NpgsqlBatchCommand($"DELETE FROM {tables.Queue} WHERE task_id = $1");
        dequeue.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        return dequeue;
    }

    // Status column names come from this class's own constants, never from input.
    private NpgsqlBatchCommand ChangeStatus(Guid taskId, int version, string status, string statusColumn, DateTimeOffset at, string extraAssignments = "")
    {
        var update = new NpgsqlBatchCommand(
            $"UPDATE {tables.Tasks} SET version = $2, status = $3, status_changed_at = $4, updated_at = $4, {statusColumn} = $4{extraAssignments} WHERE id = $1 AND version < $2");
        update.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        update.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        update.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        return update;
    }

    private static NpgsqlBatchCommand WithError(NpgsqlBatchCommand update, TaskError error)
    {
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error.Type });
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error.Name });
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = error.Message });
        return update;
    }
}

/// <summary>The tables a task projection writes: the live ones, or a rebuild's new ones.</summary>
/// <param name="Tasks">The task read model.</param>
/// <param name="Queue">The dispatch queue.</param>
/// <param name="Replaying">
/// Whether events may arrive twice (a rebuild catching up): creations then skip rows that exist.
/// Live writes need no such guard, since the log's unique (stream, version) already refuses a second
/// creation, and the guard costs every insert a speculative check.
/// </param>
public sealed record TaskTables(string Tasks, string Queue, bool Replaying = false)
{
    /// <summary>The tables the service reads.</summary>
    public static TaskTables Live { get; } = new("tasks", "dispatch_queue");

    /// <summary>The tables a rebuild fills before they replace the live ones.</summary>
    public static TaskTables Rebuild { get; } = new("tasks_rebuild", "dispatch_queue_rebuild", Replaying: true);

    internal string OnConflictSkip(string key) => Replaying ? $"ON CONFLICT ({key}) DO NOTHING" : string.Empty;
}
