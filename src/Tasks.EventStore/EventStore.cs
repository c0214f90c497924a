using Npgsql;
using Tasks.EventStore.Log;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Serialization;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore;

/// <summary>
/// The event store on PostgreSQL: append through units of work, read streams, and read the
/// global log in an order that never skips an event.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource, EventTypeRegistry types, IEnumerable<IInlineProjection> inlineProjections, LogSignal signal)
{
    private const string Columns =
        "tx_id, seq, event_id, stream_id, stream_type, version, type, schema_version, data::text, recorded_at, correlation_id, causation_id, actor_user_id, actor_application_id";

    /// <summary>The database.</summary>
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>The event types this store reads and writes.</summary>
    public EventTypeRegistry Types { get; } = types;

    /// <summary>The read models written in the same transaction as the events.</summary>
    public IReadOnlyList<IInlineProjection> InlineProjections { get; } = [.. inlineProjections];

    /// <summary>Wakes this process's log readers after commits.</summary>
    public LogSignal Signal { get; } = signal;

    /// <summary>Starts collecting the writes of one command.</summary>
    public UnitOfWork BeginUnitOfWork() => new(this);

    /// <summary>
    /// Reads a stream in version order: whole, or as it was at <paramref name="upToVersion"/> or at
    /// the instant <paramref name="asOf"/> (events recorded at or before it).
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(Guid streamId, int? upToVersion = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM events
            WHERE stream_id = $1 AND ($2::int IS NULL OR version <= $2) AND ($3::timestamptz IS NULL OR recorded_at <= $3)
            ORDER BY version
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<int?> { TypedValue = upToVersion });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?> { TypedValue = asOf?.ToUniversalTime() });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// Reads up to <paramref name="maxCount"/> events after <paramref name="after"/> in log order.
    /// Only events of transactions older than every transaction still running are returned, so an
    /// event that is committed later can never land behind a position already read.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM events
            WHERE (tx_id, seq) > ($1::text::xid8, $2) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id, seq
            LIMIT $3
            """);
        command.Parameters.Add(TransactionIds.Parameter(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>
    /// The transaction id below which every transaction has finished: every event below it is
    /// readable now and nothing can ever be added there. A rebuild's starting line.
    /// </summary>
    public async Task<ulong> FinishedTransactionBoundAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return reader.GetFieldValue<ulong>(0);
    }

    /// <summary>
    /// Streams every event of the given stream types written by transactions below <paramref name="transactionBound"/>,
    /// grouped by stream and in version order within each: what a rebuild folds, one stream at a time.
    /// </summary>
    public async IAsyncEnumerable<RecordedEvent> ReadStreamsBeforeAsync(string[] streamTypes, ulong transactionBound, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM events
            WHERE stream_type = ANY($1) AND tx_id < $2::text::xid8
            ORDER BY stream_id, version
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streamTypes });
        command.Parameters.Add(TransactionIds.Parameter(transactionBound));
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Read(reader);
        }
    }

    /// <summary>
    /// Every committed event after <paramref name="after"/>, on the caller's connection and transaction, without
    /// waiting for running transactions. Only safe while the caller has locked every writer of what it reads for.
    /// </summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadCommittedAfterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, LogPosition after, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM events WHERE (tx_id, seq) > ($1::text::xid8, $2) ORDER BY tx_id, seq",
            connection,
            transaction);
        command.Parameters.Add(TransactionIds.Parameter(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The position of the last event readers may read now (the readable head of the log).</summary>
    public async Task<LogPosition> ReadableHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            """
            SELECT tx_id, seq FROM events
            WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id DESC, seq DESC
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1))
            : LogPosition.Start;
    }

    /// <summary>How many events readers could read after <paramref name="after"/> now, counted up to <paramref name="limit"/> (a subscriber's lag).</summary>
    public async Task<long> CountReadableAfterAsync(LogPosition after, long limit, CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            """
            SELECT count(*) FROM (
                SELECT 1 FROM events
                WHERE (tx_id, seq) > ($1::text::xid8, $2) AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
                LIMIT $3) behind
            """);
        command.Parameters.Add(TransactionIds.Parameter(after.TransactionId));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = limit });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<RecordedEvent>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<RecordedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    /// <summary>Maps a row selected with the store's column list to an event.</summary>
    internal RecordedEvent Read(NpgsqlDataReader reader)
    {
        // Columns are read strictly in order, so the same mapping serves sequential-access readers.
        var position = new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
        var eventId = reader.GetGuid(2);
        var streamId = reader.GetGuid(3);
        var streamType = reader.GetString(4);
        var version = reader.GetInt32(5);
        var type = reader.GetString(6);
        var schemaVersion = reader.GetInt16(7);
        var data = Types.Deserialize(type, schemaVersion, reader.GetString(8));
        var recordedAt = reader.GetFieldValue<DateTimeOffset>(9);
        var metadata = new EventMetadata(
            reader.IsDBNull(10) ? null : reader.GetGuid(10),
            reader.IsDBNull(11) ? null : reader.GetGuid(11),
            reader.IsDBNull(12) ? null : reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13));
        return new RecordedEvent(position, eventId, streamId, streamType, version, type, data, recordedAt, metadata);
    }
}
