using Npgsql;
using NpgsqlTypes;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;

namespace Tasks.EventStore.Writing;

/// <summary>
/// Everything one command writes, committed in one transaction and one round trip: the events,
/// the inline read models, the inbox rows of the messages that caused it, outbox rows for
/// messages that are not events, and any further statements (a subscriber's checkpoint).
/// </summary>
public sealed class UnitOfWork
{
    private readonly EventStore store;
    private readonly List<PendingEvent> events = [];
    private readonly List<(Guid StreamId, ExpectedVersion Expected)> expectations = [];
    private readonly HashSet<Guid> appendedStreams = [];
    private readonly List<NpgsqlBatchCommand> statements = [];
    private readonly List<(string MessageId, string Source)> inbox = [];

    internal UnitOfWork(EventStore store) => this.store = store;

    /// <summary>The events appended so far, in order.</summary>
    public IReadOnlyList<PendingEvent> Events => events;

    /// <summary>Appends <paramref name="newEvents"/> to a stream that must be at <paramref name="expected"/> when this commits.</summary>
    public UnitOfWork Append(Guid streamId, string streamType, ExpectedVersion expected, IEnumerable<object> newEvents, EventMetadata? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamType);
        ArgumentNullException.ThrowIfNull(newEvents);
        if (!appendedStreams.Add(streamId))
        {
            throw new InvalidOperationException($"stream {streamId} is appended to twice in one unit of work; append all its events at once");
        }

        var version = expected.Value;
        foreach (var data in newEvents)
        {
            events.Add(new PendingEvent(TimeOrderedId.New(), streamId, streamType, ++version, data, metadata ?? EventMetadata.None));
        }

        if (version != expected.Value)
        {
            expectations.Add((streamId, expected));
        }

        return this;
    }

    /// <summary>
    /// Records that the message <paramref name="messageId"/> was handled; if it was handled before, the commit fails
    /// with <see cref="DuplicateMessageException"/> and writes nothing. A group commit may record several messages.
    /// </summary>
    public UnitOfWork RecordInbox(string messageId, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (inbox.Exists(m => m.MessageId == messageId))
        {
            throw new InvalidOperationException($"message {messageId} is recorded twice in one unit of work");
        }

        inbox.Add((messageId, source));
        return this;
    }

    /// <summary>Stores a message that is not an event, to be sent after commit.</summary>
    public UnitOfWork Enqueue(string destination, string messageType, string bodyJson)
    {
        var insert = new NpgsqlBatchCommand("INSERT INTO outbox (message_id, destination, message_type, body) VALUES ($1, $2, $3, $4::jsonb)");
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = TimeOrderedId.New() });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = destination });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = messageType });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = bodyJson });
        statements.Add(insert);
        return this;
    }

    /// <summary>Adds a statement of the caller's to the same transaction.</summary>
    public UnitOfWork Execute(NpgsqlBatchCommand statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statements.Add(statement);
        return this;
    }

    /// <summary>Commits everything atomically, then wakes the log's readers.</summary>
    /// <exception cref="StreamVersionConflictException">A stream was not at its expected version.</exception>
    /// <exception cref="DuplicateMessageException">The incoming message was handled before.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        // No explicit transaction: a batch runs as one implicit transaction, saving the BEGIN and COMMIT round trips.
        if (await WriteAsync(connection, null, cancellationToken) && events.Count > 0)
        {
            store.Signal.Notify();
        }
    }

    /// <summary>
    /// Writes everything into <paramref name="transaction"/>, after what its owner did in it (a claim holding its rows),
    /// commits it, then wakes the log's readers. On failure nothing of it commits; its owner disposes of it.
    /// </summary>
    /// <exception cref="StreamVersionConflictException">A stream was not at its expected version.</exception>
    /// <exception cref="DuplicateMessageException">The incoming message was handled before.</exception>
    public async Task CommitAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has already ended.");
        await WriteAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (events.Count > 0)
        {
            store.Signal.Notify();
        }
    }

    private async Task<bool> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        Build(batch.BatchCommands);
        if (batch.BatchCommands.Count == 0)
        {
            return false;
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "events_stream_version" || e.SqlState == "TS409" && e.MessageText.Contains("expected version", StringComparison.Ordinal))
        {
            var (streamId, expected) = ConflictingStream(e);
            throw new StreamVersionConflictException(streamId, expected, e);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "inbox_pkey" && inbox.Count > 0)
        {
            throw new DuplicateMessageException(await HandledBeforeAsync(connection, transaction, cancellationToken) ?? inbox[0].MessageId, e);
        }
    }

    // Which message the inbox already held: the server's error detail is not passed on by default, so ask.
    private async Task<string?> HandledBeforeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (inbox.Count == 1)
        {
            return inbox[0].MessageId;
        }

        if (transaction is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT message_id FROM inbox WHERE message_id = ANY($1) LIMIT 1", connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. inbox.Select(m => m.MessageId)] });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private (Guid, ExpectedVersion) ConflictingStream(PostgresException e)
    {
        // The server names the stream in its detail or message; fall back to the first expectation.
        foreach (var expectation in expectations)
        {
            var id = expectation.StreamId.ToString();
            if ((e.Detail?.Contains(id, StringComparison.Ordinal) ?? false) || e.MessageText.Contains(id, StringComparison.Ordinal))
            {
                return expectation;
            }
        }

        return expectations.Count > 0 ? expectations[0] : (Guid.Empty, ExpectedVersion.NoStream);
    }

    private void Build(NpgsqlBatchCommandCollection batch)
    {
        if (inbox.Count > 0)
        {
            // First, so a duplicate fails before any other work is done.
            var insert = new NpgsqlBatchCommand("INSERT INTO inbox (message_id, source) SELECT * FROM unnest($1::text[], $2::text[])");
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. inbox.Select(m => m.MessageId)] });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. inbox.Select(m => m.Source)] });
            batch.Add(insert);
        }

        var exact = expectations.Where(e => e.Expected.Value > 0).ToArray();
        if (exact.Length > 0)
        {
            var check = new NpgsqlBatchCommand("SELECT events_expect_versions($1, $2)");
            check.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. exact.Select(e => e.StreamId)] });
            check.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. exact.Select(e => e.Expected.Value)] });
            batch.Add(check);
        }

        if (events.Count > 0)
        {
            batch.Add(InsertEvents());
            var projected = new List<NpgsqlBatchCommand>();
            foreach (var projection in store.InlineProjections)
            {
                projection.Project(events, projected);
            }

            foreach (var statement in projected)
            {
                batch.Add(statement);
            }
        }

        foreach (var statement in statements)
        {
            batch.Add(statement);
        }
    }

    private NpgsqlBatchCommand InsertEvents()
    {
        var count = events.Count;
        var eventIds = new Guid[count];
        var streamIds = new Guid[count];
        var streamTypes = new string[count];
        var versions = new int[count];
        var types = new string[count];
        var schemaVersions = new short[count];
        var data = new string[count];
        var correlationIds = new Guid?[count];
        var causationIds = new Guid?[count];
        var users = new string?[count];
        var applications = new string?[count];
        for (var i = 0; i < count; i++)
        {
            var e = events[i];
            var (registration, json) = store.Types.Serialize(e.Data);
            eventIds[i] = e.EventId;
            streamIds[i] = e.StreamId;
            streamTypes[i] = e.StreamType;
            versions[i] = e.Version;
            types[i] = registration.Name;
            schemaVersions[i] = registration.SchemaVersion;
            data[i] = json;
            correlationIds[i] = e.Metadata.CorrelationId;
            causationIds[i] = e.Metadata.CausationId;
            users[i] = e.Metadata.ActorUserId;
            applications[i] = e.Metadata.ActorApplicationId;
        }

        // unnest keeps one statement (and one plan) for any number of events; rows keep their order, so seq does too.
        var insert = new NpgsqlBatchCommand(
            """
            INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data, correlation_id, causation_id, actor_user_id, actor_application_id)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::smallint[], $7::jsonb[], $8::uuid[], $9::uuid[], $10::text[], $11::text[])
            """);
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = eventIds });
        insert.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = streamIds });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = streamTypes });
        insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = versions });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types });
        insert.Parameters.Add(new NpgsqlParameter<short[]> { TypedValue = schemaVersions });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = correlationIds });
        insert.Parameters.Add(new NpgsqlParameter<Guid?[]> { TypedValue = causationIds });
        insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = users });
        insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = applications });
        return insert;
    }
}
