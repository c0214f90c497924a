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
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = after.TransactionId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Sequence });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxCount });
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The position of the last event readers may read now (the readable head of the log).</summary>
    public async Task<LogPosition> ReadableHeadAsync(CancellationToken cancellationToken = default)
    {
        await using var command = DataSource.CreateCommand(
            """
            SELECT tx_id::text, seq FROM events
            WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY tx_id DESC, seq DESC
            LIMIT 1
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new LogPosition(ulong.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetInt64(1))
            : LogPosition.Start;
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
        var type = reader.GetString(6);
        return new RecordedEvent(
            new LogPosition(reader.GetFieldValue<ulong>(0), reader.GetInt64(1)),
            reader.GetGuid(2),
            reader.GetGuid(3),
            reader.GetString(4),
            reader.GetInt32(5),
            type,
            Types.Deserialize(type, reader.GetInt16(7), reader.GetString(8)),
            reader.GetFieldValue<DateTimeOffset>(9),
            new EventMetadata(
                reader.IsDBNull(10) ? null : reader.GetGuid(10),
                reader.IsDBNull(11) ? null : reader.GetGuid(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
    }
}
