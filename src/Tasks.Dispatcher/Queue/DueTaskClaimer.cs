using Npgsql;

namespace Tasks.Dispatcher.Queue;

/// <summary>
/// Claims due tasks from the dispatch queue: highest priority first, then earliest start, skipping rows another
/// dispatcher holds (SKIP LOCKED), tasks of disabled functions, and functions at their concurrency limit. One claim is
/// one short transaction, serialized across dispatchers by an advisory lock so that the limits hold exactly: running
/// tasks and unexpired claims are counted against them.
/// </summary>
public sealed class DueTaskClaimer(NpgsqlDataSource dataSource)
{
    // Any constant shared by every dispatcher; it names the claim lock.
    private const long ClaimLock = 0x7461736b_636c6169;

    private const string Lock = "SELECT pg_advisory_xact_lock($1)";

    // Counting what runs or is about to: in-progress tasks (a small set: the status index) and live claims.
    private const string Busy = """
        SELECT function_name, count(*)::int FROM (
            SELECT function_name FROM tasks WHERE status = 'inProgress'
            UNION ALL
            SELECT function_name FROM dispatch_queue WHERE claimed_until > $1
        ) busy
        GROUP BY function_name
        """;

    private const string Claim = """
        UPDATE dispatch_queue q SET claimed_until = $2
        FROM (
            SELECT d.task_id FROM dispatch_queue d
            WHERE d.start_at <= $1
              AND (d.claimed_until IS NULL OR d.claimed_until <= $1)
              AND NOT (d.function_name = ANY($4))
              AND NOT EXISTS (SELECT 1 FROM functions f WHERE f.name = d.function_name AND NOT f.enabled)
            ORDER BY d.priority DESC, d.start_at, d.task_id
            LIMIT $3
            FOR UPDATE SKIP LOCKED
        ) c, tasks t
        WHERE q.task_id = c.task_id AND t.id = c.task_id
        RETURNING t.id, t.version, t.function_name, t.priority, t.start_at, t.data::text, t.tags, cardinality(t.retry_for_task_ids)
        """;

    private const string NextDue = """
        SELECT min(d.start_at) FROM dispatch_queue d
        WHERE NOT EXISTS (SELECT 1 FROM functions f WHERE f.name = d.function_name AND NOT f.enabled)
        """;

    /// <summary>
    /// Claims up to <paramref name="max"/> tasks due at <paramref name="now"/>, marked until <paramref name="claimUntil"/>.
    /// Per-function limits are applied to the batch as a whole: a function with room for some but not all of its due
    /// tasks gets what is left of its room over this and later claims.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedTask>> ClaimAsync(int max, DateTimeOffset now, DateTimeOffset claimUntil, ConcurrencyLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand(Lock, connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = ClaimLock });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var busy = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var busyCommand = new NpgsqlCommand(Busy, connection, transaction))
        {
            busyCommand.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            await using var reader = await busyCommand.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                busy[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        var room = Math.Min(max, limits.Global - busy.Values.Sum());
        var kept = new List<ClaimedTask>();

        // A function with room for fewer tasks than it has due takes only its room; the rows it cannot take go back,
        // and the claim runs again without it, so the batch still fills from other functions.
        for (var pass = 0; pass < 4 && kept.Count < room; pass++)
        {
            var full = limits.PerFunction.Where(l => busy.GetValueOrDefault(l.Key) >= l.Value).Select(l => l.Key).ToArray();
            var claimed = await ClaimRowsAsync(connection, transaction, room - kept.Count, now, claimUntil, full, cancellationToken);
            var over = new List<Guid>();
            foreach (var task in claimed)
            {
                var count = busy.GetValueOrDefault(task.FunctionName);
                if (limits.PerFunction.TryGetValue(task.FunctionName, out var limit) && count >= limit)
                {
                    over.Add(task.TaskId);
                    continue;
                }

                busy[task.FunctionName] = count + 1;
                kept.Add(task);
            }

            if (over.Count == 0)
            {
                break;
            }

            await using var release = new NpgsqlCommand("UPDATE dispatch_queue SET claimed_until = NULL WHERE task_id = ANY($1)", connection, transaction);
            release.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. over] });
            await release.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return kept;
    }

    /// <summary>When the earliest queued task (of an enabled function) is due, or null when the queue is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NextDue);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    private static async Task<List<ClaimedTask>> ClaimRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, int room, DateTimeOffset now, DateTimeOffset claimUntil, string[] full, CancellationToken cancellationToken)
    {
        var claimed = new List<ClaimedTask>();
        if (room <= 0)
        {
            return claimed;
        }

        await using var claim = new NpgsqlCommand(Claim, connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        claim.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = claimUntil });
        claim.Parameters.Add(new NpgsqlParameter<int> { TypedValue = room });
        claim.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = full });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(new ClaimedTask(
                reader.GetGuid(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetString(5),
                reader.GetFieldValue<string[]>(6),
                reader.GetInt32(7) + 1));
        }

        // RETURNING does not keep the subquery's order.
        return [.. claimed.OrderByDescending(c => c.Priority).ThenBy(c => c.StartTimestamp)];
    }
}
