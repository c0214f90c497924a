using Npgsql;
using NpgsqlTypes;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;
using Tasks.Projections.ReadModels;

namespace Tasks.Projections.Rebuild;

/// <summary>
/// Rebuilds the task read model and the dispatch queue: each stream is folded with the domain's own
/// evolve function and written once, as one row, with binary COPY.
/// </summary>
public sealed class TaskRebuild : IRebuildableProjection
{
    /// <inheritdoc />
    public string Name => "tasks";

    /// <inheritdoc />
    public IReadOnlyList<string> Tables { get; } = [TaskTables.Live.Tasks, TaskTables.Live.Queue];

    /// <inheritdoc />
    public IReadOnlyList<string> StreamTypes { get; } = [DomainEventTypes.TaskStream];

    /// <inheritdoc />
    public bool NeedsIndexesWhileLoading => false;

    /// <inheritdoc />
    public IInlineProjection IntoRebuildTables() => new TaskReadModelProjection(new TaskTables(TaskTables.Live.Tasks + ProjectionRebuilder.Suffix, TaskTables.Live.Queue + ProjectionRebuilder.Suffix, Replaying: true));

    /// <inheritdoc />
    public async Task BulkLoadAsync(IAsyncEnumerable<RecordedEvent> eventsByStream, NpgsqlDataSource dataSource, Action<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsByStream);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(progress);
        await using var tasksConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var queueConnection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var tasks = await tasksConnection.BeginBinaryImportAsync(
            $"""
            COPY {TaskTables.Live.Tasks}{ProjectionRebuilder.Suffix} (id, version, status, status_changed_at, function_name, data, start_at, priority, tags, created_at, updated_at,
                created_by_user_id, created_by_application_id, retried_by_task_id, retry_for_task_ids, error_type, error_name, error_message, lease_expires_at,
                new_at, in_progress_at, complete_at, failed_at, retried_at, canceled_at) FROM STDIN (FORMAT BINARY)
            """,
            cancellationToken);
        await using var queue = await queueConnection.BeginBinaryImportAsync(
            $"COPY {TaskTables.Live.Queue}{ProjectionRebuilder.Suffix} (task_id, function_name, priority, start_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);

        TaskState? state = null;
        var version = 0;
        var streamId = Guid.Empty;
        long count = 0;
        await foreach (var e in eventsByStream.WithCancellation(cancellationToken))
        {
            if (e.StreamId != streamId)
            {
                await WriteAsync(tasks, queue, state, version, cancellationToken);
                state = null;
                streamId = e.StreamId;
            }

            state = TaskDecider.Instance.Evolve(state, (ITaskEvent)e.Data);
            version = e.Version;
            if (++count % 10_000 == 0)
            {
                progress(count);
            }
        }

        await WriteAsync(tasks, queue, state, version, cancellationToken);
        await tasks.CompleteAsync(cancellationToken);
        await queue.CompleteAsync(cancellationToken);
        progress(count);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter tasks, NpgsqlBinaryImporter queue, TaskState? task, int version, CancellationToken cancellationToken)
    {
        if (task is null)
        {
            return;
        }

        await tasks.StartRowAsync(cancellationToken);
        await tasks.WriteAsync(task.Id, NpgsqlDbType.Uuid, cancellationToken);
        await tasks.WriteAsync(version, NpgsqlDbType.Integer, cancellationToken);
        await tasks.WriteAsync(task.Status.ToWireName(), NpgsqlDbType.Text, cancellationToken);
        await tasks.WriteAsync(task.StatusChangedTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await tasks.WriteAsync(task.FunctionName, NpgsqlDbType.Text, cancellationToken);
        await tasks.WriteAsync(task.Data.Json, NpgsqlDbType.Jsonb, cancellationToken);
        await tasks.WriteAsync(task.StartTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await tasks.WriteAsync(task.Priority, NpgsqlDbType.Integer, cancellationToken);
        await tasks.WriteAsync(task.Tags.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
        await tasks.WriteAsync(task.CreationTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await tasks.WriteAsync(task.UpdateTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.CreatedByUserId, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(tasks, task.CreatedByApplicationId, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(tasks, task.RetriedByTaskId, NpgsqlDbType.Uuid, cancellationToken);
        await tasks.WriteAsync(task.RetryForTaskIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid, cancellationToken);
        await WriteNullableAsync(tasks, task.Error?.Type, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(tasks, task.Error?.Name, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(tasks, task.Error?.Message, NpgsqlDbType.Text, cancellationToken);
        // The live model keeps a lease only while the task runs.
        await WriteNullableAsync(tasks, task.Status == Domain.Tasks.TaskStatus.InProgress ? task.LeaseExpiresAt : null, NpgsqlDbType.TimestampTz, cancellationToken);
        await tasks.WriteAsync(task.CreationTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.StartedTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.CompletedTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.FailedTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.RetriedTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        await WriteNullableAsync(tasks, task.CanceledTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);

        if (task.Status == Domain.Tasks.TaskStatus.New)
        {
            await queue.StartRowAsync(cancellationToken);
            await queue.WriteAsync(task.Id, NpgsqlDbType.Uuid, cancellationToken);
            await queue.WriteAsync(task.FunctionName, NpgsqlDbType.Text, cancellationToken);
            await queue.WriteAsync(task.Priority, NpgsqlDbType.Integer, cancellationToken);
            await queue.WriteAsync(task.StartTimestamp, NpgsqlDbType.TimestampTz, cancellationToken);
        }
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);
}
