using Npgsql;

namespace Tasks.Projections.Logs;

/// <summary>Stores and reads the log lines of task runs (the <c>task_logs</c> table).</summary>
public sealed class TaskLogStore(NpgsqlDataSource dataSource)
{
    /// <summary>The most lines one read returns.</summary>
    public const int MaxLinesPerRead = 10_000;

    private const string Insert =
        "INSERT INTO task_logs (task_id, logged_at, message) SELECT $1, * FROM unnest($2::timestamptz[], $3::text[])";

    private const string Select =
        "SELECT logged_at, message FROM task_logs WHERE task_id = $1 AND logged_at >= $2 AND logged_at < $3 ORDER BY logged_at, seq LIMIT $4";

    /// <summary>Appends lines to a task's log in one statement.</summary>
    public async Task AppendAsync(Guid taskId, IReadOnlyList<TaskLogLine> lines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(AppendStatement(taskId, lines));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The statement that appends <paramref name="lines"/>, to run in another unit of work (e.g. with the outcome).</summary>
    public static NpgsqlBatchCommand AppendStatement(Guid taskId, IReadOnlyList<TaskLogLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var command = new NpgsqlBatchCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. lines.Select(l => l.Timestamp)] });
        // PostgreSQL text cannot hold NUL; a function's stray NUL must not lose the whole batch.
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. lines.Select(l => l.Message.Replace('\0', '\uFFFD'))] });
        return command;
    }

    /// <summary>The task's lines logged in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<TaskLogLine>> ReadAsync(Guid taskId, DateTimeOffset? from, DateTimeOffset? to, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = taskId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = from ?? DateTimeOffset.MinValue.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = to ?? DateTimeOffset.MaxValue.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Math.Min(limit, MaxLinesPerRead) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<TaskLogLine>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(new TaskLogLine(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1)));
        }

        return lines;
    }
}
