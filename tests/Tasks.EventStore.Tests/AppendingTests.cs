using Npgsql;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Tests;

public sealed class AppendingTests
{
    private static readonly EventMetadata Alice = new(Guid.NewGuid(), Guid.NewGuid(), "alice", "portal");

    [Fact]
    public async Task Appending_to_a_new_stream_stores_the_events_in_order_with_their_metadata()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();

        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("alice"), new Deposited(5)], Alice).CommitAsync();

        var events = await db.Store.ReadStreamAsync(stream);
        Assert.Equal([1, 2], events.Select(e => e.Version));
        Assert.Equal(new Opened("alice"), events[0].Data);
        Assert.Equal(new Deposited(5), events[1].Data);
        Assert.Equal(["opened", "deposited"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(Alice, e.Metadata));
        Assert.All(events, e => Assert.Equal("account", e.StreamType));
        Assert.All(events, e => Assert.Equal(7, e.EventId.Version));
        Assert.True(events[0].Position < events[1].Position);
    }

    [Fact]
    public async Task Two_writers_creating_the_same_stream_conflict_and_only_one_wins()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("first")]).CommitAsync();

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("second")]).CommitAsync());

        Assert.Equal(stream, conflict.StreamId);
        Assert.Equal(new Opened("first"), Assert.Single(await db.Store.ReadStreamAsync(stream)).Data);
    }

    [Fact]
    public async Task Appending_at_a_stale_version_is_a_conflict()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("a"), new Deposited(1)]).CommitAsync();

        await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(1), [new Deposited(2)]).CommitAsync());
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(2), [new Deposited(3)]).CommitAsync();

        Assert.Equal([1, 2, 3], (await db.Store.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task Appending_at_a_version_the_stream_has_not_reached_is_a_conflict()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();

        await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(3), [new Deposited(2)]).CommitAsync());

        Assert.Single(await db.Store.ReadStreamAsync(stream));
    }

    [Fact]
    public async Task A_conflict_on_one_stream_aborts_every_write_of_the_unit_of_work()
    {
        await using var db = await TestStore.CreateAsync();
        var taken = TimeOrderedId.New();
        var fresh = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(taken, "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => db.Store.BeginUnitOfWork()
            .Append(fresh, "account", ExpectedVersion.NoStream, [new Opened("b")])
            .Append(taken, "account", ExpectedVersion.NoStream, [new Opened("c")])
            .Enqueue("documents", "note", "{}")
            .CommitAsync());

        Assert.Empty(await db.Store.ReadStreamAsync(fresh));
        Assert.Equal(0, await db.ScalarAsync("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task A_message_handled_twice_takes_effect_once()
    {
        await using var db = await TestStore.CreateAsync();
        var first = TimeOrderedId.New();
        var second = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().RecordInbox("message-1", "documents").Append(first, "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();

        var duplicate = await Assert.ThrowsAsync<DuplicateMessageException>(() => db.Store.BeginUnitOfWork()
            .RecordInbox("message-1", "documents")
            .Append(second, "account", ExpectedVersion.NoStream, [new Opened("b")])
            .CommitAsync());

        Assert.Equal("message-1", duplicate.MessageId);
        Assert.Empty(await db.Store.ReadStreamAsync(second));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM events"));
    }

    [Fact]
    public async Task A_unit_of_work_for_several_messages_with_one_handled_before_writes_nothing_and_names_it()
    {
        await using var db = await TestStore.CreateAsync();
        await db.Store.BeginUnitOfWork().RecordInbox("message-2", "documents").Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();
        var streams = new[] { TimeOrderedId.New(), TimeOrderedId.New(), TimeOrderedId.New() };
        var work = db.Store.BeginUnitOfWork();
        for (var i = 0; i < streams.Length; i++)
        {
            work.RecordInbox($"message-{i + 1}", "documents").Append(streams[i], "account", ExpectedVersion.NoStream, [new Opened("b")]);
        }

        var duplicate = await Assert.ThrowsAsync<DuplicateMessageException>(() => work.CommitAsync());

        Assert.Equal("message-2", duplicate.MessageId);
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM events"));
        Assert.Equal(1, await db.ScalarAsync("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task Inline_projections_commit_with_the_events()
    {
        var projection = new CountingProjection();
        await using var db = await TestStore.CreateAsync(projection);
        await using (var create = db.DataSource.CreateCommand("CREATE TABLE balances (id uuid PRIMARY KEY, amount int NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync();
        }

        var stream = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("a"), new Deposited(5), new Deposited(7)]).CommitAsync();
        await Assert.ThrowsAsync<StreamVersionConflictException>(
            () => db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(1), [new Deposited(100)]).CommitAsync());

        Assert.Equal(12, await db.ScalarAsync("SELECT amount FROM balances"));
    }

    [Fact]
    public async Task Reading_a_stream_as_of_a_version_or_a_time_shows_it_as_it_was()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("a"), new Deposited(1)]).CommitAsync();
        var between = (await db.Store.ReadStreamAsync(stream))[^1].RecordedAt;
        await Task.Delay(20);
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(2), [new Deposited(2)]).CommitAsync();

        Assert.Equal([1], (await db.Store.ReadStreamAsync(stream, upToVersion: 1)).Select(e => e.Version));
        Assert.Equal([1, 2], (await db.Store.ReadStreamAsync(stream, asOf: between)).Select(e => e.Version));
        Assert.Equal([1, 2, 3], (await db.Store.ReadStreamAsync(stream)).Select(e => e.Version));
    }

    [Fact]
    public async Task Events_stored_in_an_older_shape_are_upcast_on_read()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        await using (var insert = db.DataSource.CreateCommand(
            "INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data) VALUES ($1, $2, 'account', 1, 'renamed', 1, '{\"name\":\"savings\"}')"))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = TimeOrderedId.New() });
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = stream });
            await insert.ExecuteNonQueryAsync();
        }

        var stored = Assert.Single(await db.Store.ReadStreamAsync(stream));

        Assert.Equal(new Renamed("savings"), stored.Data);
    }

    private sealed class CountingProjection : IInlineProjection
    {
        public void Project(IReadOnlyList<PendingEvent> events, ICollection<NpgsqlBatchCommand> statements)
        {
            foreach (var e in events)
            {
                var statement = e.Data switch
                {
                    Opened => new NpgsqlBatchCommand("INSERT INTO balances (id, amount) VALUES ($1, 0)"),
                    Deposited d => new NpgsqlBatchCommand("UPDATE balances SET amount = amount + $2 WHERE id = $1") { Parameters = { new NpgsqlParameter<int> { TypedValue = d.Amount } } },
                    _ => null,
                };
                if (statement is not null)
                {
                    statement.Parameters.Insert(0, new NpgsqlParameter<Guid> { TypedValue = e.StreamId });
                    statements.Add(statement);
                }
            }
        }
    }
}
