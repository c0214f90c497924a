using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using Tasks.Api.Messages;
using Tasks.Benchmarks.Messaging;
using Tasks.Benchmarks.Results;
using Tasks.EventStore.Subscriptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;
using Tasks.Projections.Events;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>outbox-publish</c>: the relay that follows the log (<see cref="LogRelay"/> with the service's
/// <see cref="TaskEventRelay"/>, as the projection daemon runs it) publishes a backlog of BENCH_OUTBOX_EVENTS (100,000)
/// <c>task-created</c> events to the events exchange with publisher confirms, a queue bound to it, committing its
/// checkpoint after each confirmed batch. Value = events / time from its start to its checkpoint at the log's head.
/// Ceiling: the same number of messages of the same size published by plain RabbitMQ.Client with confirms, in windows
/// of the relay's batch size, to the same exchange and queue (no database).
/// </summary>
internal static class OutboxPublishScenario
{
    public const string Name = "outbox-publish";

    private const int SeedWriters = 4;
    private const int TasksPerUnit = 1000;

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var events = DispatchRig.Number("BENCH_OUTBOX_EVENTS", 100_000, 1);
        var broker = BenchBroker.FromEnvironment();
        await broker.ResetAsync(cancellationToken);
        var options = new MessagingOptions { EventsExchange = BenchBroker.EventsExchange };

        await using var database = await context.CreateDatabaseAsync(SeedWriters, cancellationToken);
        await TaskBatches.SeedAsync(database.Store, events, SeedWriters, TasksPerUnit, cancellationToken);
        await using var connection = new BrokerConnection(broker.Uri, "tasks-bench relay", NullLogger<BrokerConnection>.Instance);
        await DeclareAsync(connection, cancellationToken);
        await using var publisher = new ConfirmingPublisher(connection, NullLogger<ConfirmingPublisher>.Instance);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  seeded {events:N0} task-created events; relay batch {new LogSubscriptionOptions().BatchSize}"));

        var ceilingBefore = await PlainPublishAsync(broker, events, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ceiling (before): {ceilingBefore:N0} messages/s"));
        await PurgeAsync(broker, cancellationToken);

        var dataSource = database.DataSource;
        var relay = new LogSubscription(
            database.Store,
            new LogRelay(TaskEventRelay.Name, new TaskEventRelay(publisher, dataSource, options), e => e.StreamType == DomainEventTypes.TaskStream),
            NullLogger.Instance);
        var cpuBefore = database.Cpu.Take();
        var clock = Stopwatch.StartNew();
        var published = 0;
        while (await relay.ProcessBatchAsync(cancellationToken) is var count and > 0)
        {
            published += count;
        }

        var elapsed = clock.Elapsed;
        var cpu = database.Cpu.Take().Since(cpuBefore);
        var rate = published / elapsed.TotalSeconds;
        var queued = await WaitForDepthAsync(broker, events, cancellationToken);
        if (published != events || queued != events)
        {
            throw new BenchmarkFailedException($"expected {events} events published and queued; the relay read {published}, the queue holds {queued}");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  relay: {rate:N0} events/s ({events:N0} in {elapsed.TotalSeconds:0.00} s, all {queued:N0} in the bound queue); cpu {cpu.Describe(rate, "event")}"));
        await PurgeAsync(broker, cancellationToken);

        var ceilingAfter = await PlainPublishAsync(broker, events, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ceiling (after): {ceilingAfter:N0} messages/s"));
        var ceiling = (ceilingBefore + ceilingAfter) / 2;
        return ScenarioResult.Against(
            Name,
            rate,
            "events/s",
            ceiling,
            string.Create(CultureInfo.InvariantCulture, $"RabbitMQ.Client alone: {events:N0} persistent messages of the relay's size to {BenchBroker.EventsExchange} (bound quorum queue {BenchBroker.EventsQueue}), confirms tracked, {new LogSubscriptionOptions().BatchSize} in flight then awaited, no database; before and after the relay, the mean"),
            string.Create(CultureInfo.InvariantCulture, $"{events:N0} task-created events seeded in units of {TasksPerUnit}; LogSubscription + LogRelay + TaskEventRelay (function names from the batch, task.created bodies) + ConfirmingPublisher, checkpoint committed after each confirmed batch of {new LogSubscriptionOptions().BatchSize}; verified: every event in the bound queue; ceiling before {ceilingBefore:N0}, after {ceilingAfter:N0} messages/s"));
    }

    private static async Task DeclareAsync(BrokerConnection connection, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await MessagingTopology.DeclareTopicExchangeAsync(channel, BenchBroker.EventsExchange, cancellationToken);
        await MessagingTopology.DeclareQuorumQueueAsync(channel, BenchBroker.EventsQueue, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(BenchBroker.EventsQueue, BenchBroker.EventsExchange, "task.#", cancellationToken: cancellationToken);
    }

    // The relay's messages are about this size (a task.created body with its data).
    private static readonly byte[] PlainBody = new byte[330];

    private static async Task<double> PlainPublishAsync(BenchBroker broker, int count, CancellationToken cancellationToken)
    {
        var window = new LogSubscriptionOptions().BatchSize;
        await using var connection = await broker.ConnectAsync("tasks-bench plain publisher", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(window);
        for (var i = 0; i < count; i++)
        {
            var properties = new BasicProperties { MessageId = Guid.CreateVersion7().ToString(), ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent, Type = "task_created" };
            pending.Add(channel.BasicPublishAsync(BenchBroker.EventsExchange, "task.created", mandatory: false, basicProperties: properties, body: PlainBody, cancellationToken: cancellationToken).AsTask());
            if (pending.Count == window)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        var rate = count / clock.Elapsed.TotalSeconds;
        var queued = await WaitForDepthAsync(broker, count, cancellationToken);
        if (queued != count)
        {
            throw new BenchmarkFailedException($"the plain publisher's {count} messages did not all reach the queue ({queued})");
        }

        await PurgeAsync(broker, cancellationToken);
        return rate;
    }

    // Quorum queue counts lag the confirms slightly.
    private static async Task<uint> WaitForDepthAsync(BenchBroker broker, int expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        uint depth;
        while ((depth = await broker.DepthAsync(BenchBroker.EventsQueue, cancellationToken)) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
        }

        return depth;
    }

    private static async Task PurgeAsync(BenchBroker broker, CancellationToken cancellationToken)
    {
        await using var connection = await broker.ConnectAsync("tasks-bench purge", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueuePurgeAsync(BenchBroker.EventsQueue, cancellationToken);
    }
}
