using Npgsql;
using Tasks.EventStore.Log;

namespace Tasks.EventStore.Subscriptions;

/// <summary>Reads subscribers' checkpoints and builds the statement that moves one.</summary>
public static class Checkpoints
{
    /// <summary>Where the subscriber <paramref name="name"/> has got to (the start of the log if it never ran).</summary>
    public static async Task<LogPosition> ReadAsync(NpgsqlDataSource dataSource, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand("SELECT tx_id, seq FROM log_checkpoints WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1))
            : LogPosition.Start;
    }

    /// <summary>
    /// A statement that moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>, failing
    /// the whole transaction if another process moved it meanwhile.
    /// </summary>
    public static NpgsqlBatchCommand Advance(string name, LogPosition from, LogPosition to)
    {
        var command = new NpgsqlBatchCommand("SELECT log_checkpoint_advance($1, $2::text::xid8, $3, $4::text::xid8, $5)");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        command.Parameters.Add(TransactionIds.Parameter(from.TransactionId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = from.Sequence });
        command.Parameters.Add(TransactionIds.Parameter(to.TransactionId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = to.Sequence });
        return command;
    }
}
