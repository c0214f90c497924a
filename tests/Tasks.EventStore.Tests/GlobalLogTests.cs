using System.Collections.Concurrent;
using Npgsql;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Log;
using Tasks.EventStore.Streams;

namespace Tasks.EventStore.Tests;

public sealed class GlobalLogTests
{
    [Fact]
    public async Task An_event_appended_first_but_committed_last_is_read_in_log_order_and_never_skipped()
    {
        await using var db = await TestStore.CreateAsync();
        var early = TimeOrderedId.New();
        var late = TimeOrderedId.New();

        // The slow writer appends first (taking the lower sequence number) and commits last.
        await using var slow = await db.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await InsertRawAsync(slow, slowTransaction, early);

        await db.Store.BeginUnitOfWork().Append(late, "account", ExpectedVersion.NoStream, [new Opened("late")]).CommitAsync();

        var readable = await db.Store.ReadLogAsync(LogPosition.Start, 100);
        var naive = await ReadBySequenceAsync(db, afterSequence: 0);
        Assert.Empty(readable);
        Assert.Equal([late], naive);

        await slowTransaction.CommitAsync();

        var afterCommit = await db.Store.ReadLogAsync(LogPosition.Start, 100);
        Assert.Equal([early, late], afterCommit.Select(e => e.StreamId));

        // A reader ordering by sequence alone, with a checkpoint at the late event, has passed the early one for ever.
        var lateSequence = afterCommit[1].Position.Sequence;
        Assert.DoesNotContain(early, await ReadBySequenceAsync(db, lateSequence));
    }

    [Fact]
    public async Task Readers_under_concurrent_writers_see_every_event_exactly_once_in_log_order()
    {
        await using var db = await TestStore.CreateAsync();
        const int Writers = 8;
        const int PerWriter = 60;
        var written = new ConcurrentBag<Guid>();
        using var writing = new CancellationTokenSource();

        var writers = Enumerable.Range(0, Writers).Select(async w =>
        {
            var random = new Random(w);
            for (var i = 0; i < PerWriter; i++)
            {
                var stream = TimeOrderedId.New();
                if (random.Next(4) == 0)
                {
                    // Some writers hold their transaction open a while after appending.
                    await using var connection = await db.DataSource.OpenConnectionAsync();
                    await using var transaction = await connection.BeginTransactionAsync();
                    await InsertRawAsync(connection, transaction, stream);
                    await Task.Delay(random.Next(1, 15));
                    await transaction.CommitAsync();
                }
                else
                {
                    await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("w")]).CommitAsync();
                }

                written.Add(stream);
            }
        }).ToArray();

        var read = new List<RecordedEvent>();
        var position = LogPosition.Start;
        var allWritten = Task.WhenAll(writers);
        while (true)
        {
            var done = allWritten.IsCompleted;
            var batch = await db.Store.ReadLogAsync(position, 7);
            read.AddRange(batch);
            position = batch.Count > 0 ? batch[^1].Position : position;
            if (done && batch.Count == 0)
            {
                break;
            }
        }

        await allWritten;
        Assert.Equal(Writers * PerWriter, read.Count);
        Assert.Equal(written.Order(), read.Select(e => e.StreamId).Order());
        Assert.Equal(read.Select(e => e.Position).Order(), read.Select(e => e.Position));
        Assert.Equal(read.Count, read.Select(e => e.Position).Distinct().Count());
    }

    [Fact]
    public async Task The_readable_head_stops_before_a_transaction_still_running()
    {
        await using var db = await TestStore.CreateAsync();
        await db.Store.BeginUnitOfWork().Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();
        var head = await db.Store.ReadableHeadAsync();

        await using var slow = await db.DataSource.OpenConnectionAsync();
        await using var slowTransaction = await slow.BeginTransactionAsync();
        await InsertRawAsync(slow, slowTransaction, TimeOrderedId.New());
        await db.Store.BeginUnitOfWork().Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("b")]).CommitAsync();

        Assert.Equal(head, await db.Store.ReadableHeadAsync());
        await slowTransaction.CommitAsync();
        Assert.True(await db.Store.ReadableHeadAsync() > head);
    }

    private static async Task InsertRawAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid stream)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO events (event_id, stream_id, stream_type, version, type, schema_version, data) VALUES ($1, $2, 'account', 1, 'opened', 1, '{\"owner\":\"slow\"}')",
            connection,
            transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = TimeOrderedId.New() });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = stream });
        await insert.ExecuteNonQueryAsync();
    }

    private static async Task<List<Guid>> ReadBySequenceAsync(TestStore db, long afterSequence)
    {
        await using var command = db.DataSource.CreateCommand("SELECT stream_id FROM events WHERE seq > $1 ORDER BY seq");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}
