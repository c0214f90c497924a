using Microsoft.Extensions.Logging.Abstractions;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Log;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;

namespace Tasks.EventStore.Tests;

public sealed class LogRelayTests
{
    [Fact]
    public async Task A_batch_the_broker_did_not_confirm_is_published_again_and_none_is_skipped()
    {
        await using var db = await TestStore.CreateAsync();
        var publisher = new FlakyPublisher(failuresBeforeSuccess: 1);
        var relay = new LogSubscription(db.Store, new LogRelay("relay", publisher, e => e.Data is Deposited), NullLogger.Instance);
        await db.Store.BeginUnitOfWork().Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("a"), new Deposited(1), new Deposited(2)]).CommitAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => relay.ProcessBatchAsync());
        Assert.Equal(LogPosition.Start, await Checkpoints.ReadAsync(db.DataSource, "relay"));

        await relay.ProcessBatchAsync();

        Assert.Equal([1, 2], publisher.Confirmed.Select(e => ((Deposited)e.Data).Amount));
        Assert.Equal(await db.Store.ReadableHeadAsync(), await Checkpoints.ReadAsync(db.DataSource, "relay"));
        Assert.Equal(0, await relay.ProcessBatchAsync());
    }

    [Fact]
    public async Task A_running_relay_outlasts_a_broker_failure_of_any_kind_and_publishes_everything()
    {
        await using var db = await TestStore.CreateAsync();
        var publisher = new FlakyPublisher(failuresBeforeSuccess: 3, failure: () => new InvalidOperationException("the connection to the broker was closed"));
        var relay = new LogSubscription(db.Store, new LogRelay("relay", publisher, e => e.Data is Deposited), NullLogger.Instance, new LogSubscriptionOptions(RetryDelay: TimeSpan.FromMilliseconds(20)));
        await db.Store.BeginUnitOfWork().Append(TimeOrderedId.New(), "account", ExpectedVersion.NoStream, [new Opened("a"), new Deposited(1), new Deposited(2)]).CommitAsync();
        using var stop = new CancellationTokenSource();

        var running = relay.RunAsync(stop.Token);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (publisher.Confirmed.Count < 2 && DateTimeOffset.UtcNow < deadline && !running.IsCompleted)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal([1, 2], publisher.Confirmed.Select(e => ((Deposited)e.Data).Amount));
        Assert.Equal(await db.Store.ReadableHeadAsync(), await Checkpoints.ReadAsync(db.DataSource, "relay"));
    }

    private sealed class FlakyPublisher(int failuresBeforeSuccess, Func<Exception>? failure = null) : IEventPublisher
    {
        private int failures;

        public List<RecordedEvent> Confirmed { get; } = [];

        public Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
        {
            if (failures++ < failuresBeforeSuccess)
            {
                throw failure?.Invoke() ?? new TimeoutException("the broker did not confirm in time");
            }

            Confirmed.AddRange(events);
            return Task.CompletedTask;
        }
    }
}
