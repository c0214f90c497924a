using Npgsql;
using Tasks.Dispatcher.Leases;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.Projections.Events;

namespace Tasks.Dispatcher.Queue;

/// <summary>
/// Claims due tasks and records their starts in one short transaction: highest priority first, then earliest start,
/// skipping rows another transaction holds (SKIP LOCKED), tasks of disabled functions, and functions at their
/// concurrency limit. The rows stay locked until the starts commit and leave the queue with them, so nothing marks a
/// claim and nothing has to release one. Claims are serialized across dispatchers by an advisory lock, so that the
/// limits hold exactly: each claim counts the tasks in progress, including the ones the previous claim just started.
/// </summary>
public sealed class DueTaskClaimer(EventStore.EventStore store, LeasePolicy leases)
{
    // Any constant shared by every dispatcher; it names the claim lock.
    private const long ClaimLock = 0x7461736b_636c6169;

    // A claim that meets a task changed under it (canceled as it was claimed) tries again without that task.
    private const int Attempts = 3;

    private const string Lock = "SELECT pg_advisory_xact_lock($1)";

    // A generic plan (statements are prepared after their second use) cannot see how few rows LIMIT takes or how many
    // are due, and sorts the whole queue; a plan for the actual values walks the claim index and stops after LIMIT rows.
    private const string PlanForValues = "SET LOCAL plan_cache_mode = force_custom_plan";

    // What runs now: a small set, found through the status index.
    private const string Busy = """
        SELECT function_name, count(*)::int FROM tasks WHERE status = 'inProgress' GROUP BY function_name
        """;

    private const string Claim = """
        SELECT t.id, t.version, t.function_name, t.priority, t.start_at, t.data::text, t.tags, cardinality(t.retry_for_task_ids), f.time_limit
        FROM (
            SELECT d.task_id FROM dispatch_queue d
            WHERE d.start_at <= $1
              AND NOT (d.function_name = ANY($3))
              AND NOT (d.task_id = ANY($4))
              AND NOT EXISTS (SELECT 1 FROM functions f WHERE f.name = d.function_name AND NOT f.enabled)
            ORDER BY d.priority DESC, d.start_at, d.task_id
            LIMIT $2
            FOR UPDATE SKIP LOCKED
        ) c
        JOIN tasks t ON t.id = c.task_id
        LEFT JOIN functions f ON f.name = t.function_name
        ORDER BY t.priority DESC, t.start_at, t.id
        """;

    private const string NextDue = """
        SELECT min(d.start_at) FROM dispatch_queue d
        WHERE NOT EXISTS (SELECT 1 FROM functions f WHERE f.name = d.function_name AND NOT f.enabled)
        """;

    /// <summary>
    /// Claims and starts up to <paramref name="max"/> tasks due at <paramref name="now"/>, each with its lease.
    /// Per-function limits are applied to the batch as a whole: a function with room for some but not all of its due
    /// tasks gets what is left of its room, and the batch fills from other functions.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(int max, DateTimeOffset now, ConcurrencyLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var changed = new List<Guid>();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ClaimOnceAsync(max, now, limits, changed, cancellationToken);
            }
            catch (StreamVersionConflictException e) when (attempt < Attempts)
            {
                // The task moved on (canceled) between its row and its stream; nothing of this claim was written.
                changed.Add(e.StreamId);
            }
        }
    }

    /// <summary>When the earliest queued task (of an enabled function) is due, or null when the queue is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(NextDue);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    private async Task<IReadOnlyList<ClaimedTask>> ClaimOnceAsync(int max, DateTimeOffset now, ConcurrencyLimits limits, List<Guid> changed, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var setUp = new NpgsqlBatch(connection, transaction))
        {
            var lockCommand = new NpgsqlBatchCommand(Lock);
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ClaimLock });
            setUp.BatchCommands.Add(lockCommand);
            setUp.BatchCommands.Add(new NpgsqlBatchCommand(PlanForValues));
            await setUp.ExecuteNonQueryAsync(cancellationToken);
        }

        var busy = await CountBusyAsync(connection, transaction, cancellationToken);
        var room = Math.Min(max, limits.Global - busy.Values.Sum());
        var kept = new List<ClaimedTask>();
        // Rows this transaction holds already: FOR UPDATE would return them again, as they are locked by itself.
        var seen = new List<Guid>(changed);

        // A function with room for fewer tasks than it has due takes only its room; the rows it cannot take stay in the
        // queue (locked only until this commits), and the claim runs again without them, so the batch still fills.
        for (var pass = 0; pass < 4 && kept.Count < room; pass++)
        {
            var full = limits.PerFunction.Where(l => busy.GetValueOrDefault(l.Key) >= l.Value).Select(l => l.Key).ToArray();
            var rows = await ClaimRowsAsync(connection, transaction, room - kept.Count, now, full, [.. seen], cancellationToken);
            var over = false;
            foreach (var row in rows)
            {
                seen.Add(row.Task.TaskId);
                var count = busy.GetValueOrDefault(row.Task.FunctionName);
                if (limits.PerFunction.TryGetValue(row.Task.FunctionName, out var limit) && count >= limit)
                {
                    over = true;
                    continue;
                }

                busy[row.Task.FunctionName] = count + 1;
                kept.Add(row.Task with { LeaseExpiresAt = now + leases.For(row.TimeLimit) });
            }

            if (!over)
            {
                break;
            }
        }

        if (kept.Count == 0)
        {
            return kept;
        }

        // A queued task at the version its row shows is new and due, so its start is the decider's answer without
        // loading the stream; the expected version catches a task that changed since.
        var work = store.BeginUnitOfWork();
        foreach (var task in kept)
        {
            work.Append(task.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.Exactly(task.StartedVersion - 1), [new TaskStarted(task.LeaseExpiresAt, now)], EventMetadata.None);
        }

        await work.CommitAsync(transaction, cancellationToken);
        return kept;
    }

    private static async Task<Dictionary<string, int>> CountBusyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var busy = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(Busy, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            busy[reader.GetString(0)] = reader.GetInt32(1);
        }

        return busy;
    }

    private static async Task<List<(ClaimedTask Task, int? TimeLimit)>> ClaimRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int room, DateTimeOffset now, string[] full, Guid[] seen, CancellationToken cancellationToken)
    {
        var claimed = new List<(ClaimedTask, int?)>();
        if (room <= 0)
        {
            return claimed;
        }

        await using var claim = new NpgsqlCommand(Claim, connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = room });
        claim.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = full });
        claim.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = seen });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add((new ClaimedTask(
                reader.GetGuid(0),
                reader.GetInt32(1) + 1,
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5),
                reader.GetFieldValue<string[]>(6),
                reader.GetInt32(7) + 1,
                default), reader.IsDBNull(8) ? null : reader.GetInt32(8)));
        }

        return claimed;
    }
}
