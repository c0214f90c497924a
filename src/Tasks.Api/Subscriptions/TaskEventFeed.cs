using System.Threading.Channels;
using Tasks.Api.Functions;
using Tasks.Api.Tasks;
using Tasks.Domain.Functions;
using Tasks.EventStore.Log;
using Tasks.GraphQL.Execution;

namespace Tasks.Api.Subscriptions;

/// <summary>
/// Tails the log while anyone subscribes and fans committed task events out to subscribers in this process. Each API
/// process tails on its own, so subscriptions need no broker; the log's order makes every subscriber see events in
/// commit-safe order, and none is skipped. A subscriber that falls <see cref="SubscriberBuffer"/> events behind is
/// closed with an error rather than silently losing events.
/// </summary>
public sealed class TaskEventFeed(EventStore.EventStore store, TaskReader tasks, TaskHistory history, FunctionCatalog functions, ILogger<TaskEventFeed> logger)
    : BackgroundService
{
    /// <summary>How many undelivered events a subscriber may have before it is closed.</summary>
    public const int SubscriberBuffer = 10_000;

    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private readonly List<Subscriber> subscribers = [];
    private TaskCompletionSource firstSubscriber = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Whether the reader has a position in the log that was taken while the current subscribers were registered.
    private bool established;

    /// <summary>
    /// Starts receiving the changes that pass <paramref name="filter"/>; dispose the subscription to stop. Returns once
    /// every change committed from now on is sure to be delivered, so that state read after this call and the changes
    /// delivered together miss nothing.
    /// </summary>
    public async Task<Subscription> SubscribeAsync(Func<TaskChange, bool> filter, CancellationToken cancellationToken)
    {
        var subscriber = new Subscriber(filter, Channel.CreateBounded<TaskChange>(new BoundedChannelOptions(SubscriberBuffer) { SingleReader = true, SingleWriter = true }));
        lock (gate)
        {
            subscribers.Add(subscriber);
            firstSubscriber.TrySetResult();
            if (established)
            {
                subscriber.Ready.TrySetResult();
            }
        }

        var subscription = new Subscription(subscriber.Channel.Reader, () => Remove(subscriber));
        try
        {
            await subscriber.Ready.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }

        return subscription;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var waiter = store.Signal.Subscribe();
        LogPosition? position = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!HasSubscribers())
                {
                    // Nobody listens: stop reading, and start again from the head when someone does.
                    position = null;
                    await WaitForSubscriberAsync(stoppingToken);
                    continue;
                }

                if (position is null)
                {
                    // Everything behind the head is committed, so subscribers who read state after they are marked
                    // ready see it; everything after it is delivered to them.
                    position = await store.ReadableHeadAsync(stoppingToken);
                    MarkEstablished();
                }

                var events = await store.ReadLogAsync(position.Value, 500, stoppingToken);
                if (events.Count == 0)
                {
                    await waiter.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }

                await PublishAsync(events, stoppingToken);
                position = events[^1].Position;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Reading the log for subscriptions failed; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<EventStore.Streams.RecordedEvent> events, CancellationToken cancellationToken)
    {
        var taskEvents = events.Where(TaskHistory.IsTaskEvent).ToList();
        foreach (var e in events)
        {
            if (e.Data is IFunctionEvent)
            {
                // Another process may have changed the function: creation must not trust a stale copy.
                functions.EvictStream(e.StreamId);
            }
        }

        if (taskEvents.Count == 0)
        {
            return;
        }

        var current = await tasks.FindManyAsync([.. taskEvents.Select(e => e.StreamId).Distinct()], cancellationToken);
        Subscriber[] targets;
        lock (gate)
        {
            targets = [.. subscribers];
        }

        foreach (var e in taskEvents)
        {
            var task = current.GetValueOrDefault(e.StreamId);
            var change = new TaskChange(history.ToView(e), task?.FunctionName, task?.Tags ?? []);
            foreach (var subscriber in targets)
            {
                subscriber.Offer(change, logger);
            }
        }
    }

    private bool HasSubscribers()
    {
        lock (gate)
        {
            if (subscribers.Count == 0)
            {
                established = false;
            }

            return subscribers.Count > 0;
        }
    }

    private void MarkEstablished()
    {
        lock (gate)
        {
            established = true;
            foreach (var subscriber in subscribers)
            {
                subscriber.Ready.TrySetResult();
            }
        }
    }

    private async Task WaitForSubscriberAsync(CancellationToken cancellationToken)
    {
        Task arrived;
        lock (gate)
        {
            if (subscribers.Count > 0)
            {
                return;
            }

            if (firstSubscriber.Task.IsCompleted)
            {
                firstSubscriber = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            arrived = firstSubscriber.Task;
        }

        await arrived.WaitAsync(cancellationToken);
    }

    private void Remove(Subscriber subscriber)
    {
        lock (gate)
        {
            subscribers.Remove(subscriber);
        }

        subscriber.Channel.Writer.TryComplete();
    }

    private sealed record Subscriber(Func<TaskChange, bool> Filter, Channel<TaskChange> Channel)
    {
        public TaskCompletionSource Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Offer(TaskChange change, ILogger logger)
        {
            bool wanted;
            try
            {
                wanted = Filter(change);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                logger.LogWarning(e, "A subscription filter failed; the subscription is closed.");
                Channel.Writer.TryComplete(e);
                return;
            }

            if (wanted && !Channel.Writer.TryWrite(change))
            {
                Channel.Writer.TryComplete(new GraphQLException(
                    $"The subscriber fell more than {SubscriberBuffer} events behind and was disconnected; subscribe again and catch up with a query.",
                    "SUBSCRIBER_TOO_SLOW"));
            }
        }
    }
}

/// <summary>A live subscription to the feed: read <see cref="Changes"/>, dispose to stop.</summary>
public sealed class Subscription(ChannelReader<TaskChange> changes, Action unsubscribe) : IDisposable
{
    /// <summary>The changes, in log order.</summary>
    public ChannelReader<TaskChange> Changes { get; } = changes;

    /// <inheritdoc />
    public void Dispose() => unsubscribe();
}
