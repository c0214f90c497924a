using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task A_subscriber_commits_its_checkpoint_with_its_writes_and_resumes_from_it()
    {
        await using var db = await TestStore.CreateAsync();
        await CreateTotalsAsync(db);
        await AppendDepositsAsync(db, 5, 7);

        var first = new LogSubscription(db.Store, new TotalsHandler(), NullLogger.Instance);
        Assert.Equal(3, await first.ProcessBatchAsync());
        await AppendDepositsAsync(db, 100);

        var resumed = new LogSubscription(db.Store, new TotalsHandler(), NullLogger.Instance);
        await resumed.RunOnceFromCheckpointAsync();

        Assert.Equal(112, await db.ScalarAsync("SELECT total FROM totals"));
        Assert.Equal(await db.Store.ReadableHeadAsync(), await Checkpoints.ReadAsync(db.DataSource, "totals"));
    }

    [Fact]
    public async Task Two_processes_running_the_same_subscriber_apply_each_event_once()
    {
        await using var db = await TestStore.CreateAsync();
        await CreateTotalsAsync(db);
        await AppendDepositsAsync(db, 1, 2, 3);

        var one = new LogSubscription(db.Store, new TotalsHandler(), NullLogger.Instance);
        var two = new LogSubscription(db.AnotherProcess(), new TotalsHandler(), NullLogger.Instance);
        await one.RunOnceFromCheckpointAsync();
        await two.RunOnceFromCheckpointAsync();
        await AppendDepositsAsync(db, 10);

        // "one" still believes in the old checkpoint after "two" moves it.
        await two.ProcessBatchAsync();
        await Assert.ThrowsAsync<CheckpointMovedException>(() => one.ProcessBatchAsync());

        Assert.Equal(16, await db.ScalarAsync("SELECT total FROM totals"));
    }

    [Fact]
    public async Task A_subscriber_in_another_process_is_woken_by_the_commit_notification()
    {
        await using var db = await TestStore.CreateAsync();
        await CreateTotalsAsync(db);
        var remoteSignal = new LogSignal();
        var remoteStore = new EventStore(db.DataSource, TestEventTypes.Create(), [], remoteSignal);
        using var remoteNotifications = new LogNotifications(db.DataSource, remoteSignal, NullLogger<LogNotifications>.Instance);
        using var localNotifications = new LogNotifications(db.DataSource, db.Store.Signal, NullLogger<LogNotifications>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await remoteNotifications.StartAsync(stop.Token);
        await localNotifications.StartAsync(stop.Token);
        // The remote process polls only once a minute: only a notification can wake it in time.
        var subscription = new LogSubscription(remoteStore, new TotalsHandler(), NullLogger.Instance, new LogSubscriptionOptions(PollInterval: TimeSpan.FromMinutes(1)));
        var running = subscription.RunAsync(stop.Token);
        await Task.Delay(300);

        await AppendDepositsAsync(db, 42);

        while (await db.ScalarAsync("SELECT coalesce(max(total), 0) FROM totals") != 42)
        {
            stop.Token.ThrowIfCancellationRequested();
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAny(running, Task.Delay(5000));
        await remoteNotifications.StopAsync(CancellationToken.None);
        await localNotifications.StopAsync(CancellationToken.None);
        Assert.True(running.IsCompleted);
    }

    [Fact]
    public async Task The_command_runner_decides_again_after_a_concurrent_append()
    {
        await using var db = await TestStore.CreateAsync();
        var stream = TimeOrderedId.New();
        var runner = new CommandRunner(db.Store);
        var model = new StreamModel<int>("account", 0, (total, e) => e is Deposited d ? total + d.Amount : total);
        await db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.NoStream, [new Opened("a")]).CommitAsync();

        var racing = 0;
        var result = await runner.RunAsync<int, string>(
            stream,
            model,
            total =>
            {
                // The first decision races with another writer; the second decides on its deposit too.
                if (racing++ == 0)
                {
                    db.Store.BeginUnitOfWork().Append(stream, "account", ExpectedVersion.Exactly(1), [new Deposited(10)]).CommitAsync().GetAwaiter().GetResult();
                }

                return total <= 100 ? Decided<string>.Accept([new Deposited(1)]) : Decided<string>.Reject("too much");
            },
            EventMetadata.None);

        Assert.Null(result.Rejection);
        Assert.Equal(2, racing);
        Assert.Equal(11, result.State);
        Assert.Equal(3, result.Version);
    }

    private static async Task CreateTotalsAsync(TestStore db)
    {
        await using var create = db.DataSource.CreateCommand("CREATE TABLE totals (id int PRIMARY KEY, total int NOT NULL); INSERT INTO totals VALUES (1, 0)");
        await create.ExecuteNonQueryAsync();
    }

    private static async Task AppendDepositsAsync(TestStore db, params int[] amounts)
    {
        await db.Store.BeginUnitOfWork()
            .Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("x"), .. amounts.Select(a => (object)new Deposited(a))])
            .CommitAsync();
    }

    private sealed class TotalsHandler : ILogHandler
    {
        public string Name => "totals";

        public Task HandleAsync(IReadOnlyList<RecordedEvent> events, UnitOfWork work, CancellationToken cancellationToken)
        {
            var sum = events.Select(e => e.Data).OfType<Deposited>().Sum(d => d.Amount);
            work.Execute(new NpgsqlBatchCommand("UPDATE totals SET total = total + $1") { Parameters = { new NpgsqlParameter<int> { TypedValue = sum } } });
            return Task.CompletedTask;
        }
    }
}

internal static class LogSubscriptionTestExtensions
{
    /// <summary>Loads the checkpoint and processes batches until the readable log is exhausted.</summary>
    public static async Task RunOnceFromCheckpointAsync(this LogSubscription subscription)
    {
        await subscription.LoadCheckpointAsync();
        while (await subscription.ProcessBatchAsync() > 0)
        {
        }
    }
}
