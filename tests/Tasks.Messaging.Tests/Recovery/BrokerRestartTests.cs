using System.Collections.Concurrent;
using System.Text;
using Tasks.Messaging.Publishing;

namespace Tasks.Messaging.Tests.Recovery;

/// <summary>The broker goes away in the middle of the work; nothing is lost. Needs the throwaway node (it restarts it).</summary>
public sealed class BrokerRestartTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task After_a_broker_restart_the_consumer_recovers_and_every_message_is_handled()
    {
        if (!Server.IsThrowaway)
        {
            Output.WriteLine("skipped: a configured broker is not restarted by tests");
            return;
        }

        var handled = new ConcurrentDictionary<string, int>();
        var consumer = await StartConsumerAsync(async (message, cancellationToken) =>
        {
            await Task.Delay(5, cancellationToken);
            handled.AddOrUpdate(message.MessageId!, 1, (_, n) => n + 1);
        });
        await Publisher.PublishAsync(Enumerable.Range(0, 300).Select(i => Transition($"before-{i}")).ToList());
        await Eventually.HoldsAsync(() => handled.Count >= 20, "the consumer is under way");

        await Server.RestartAsync();

        await PublishUntilConfirmedAsync(Enumerable.Range(0, 100).Select(i => Transition($"after-{i}")).ToList());
        await Eventually.HoldsAsync(() => handled.Count == 400, "every message was handled at least once", TimeSpan.FromMinutes(3));
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new TestSupport.RabbitMq.QueueCounts(0, 0), "the queue is empty");
        Assert.True(consumer.IsConsuming);
        Output.WriteLine($"handled more than once: {handled.Count(h => h.Value > 1)}");
    }

    [Fact]
    public async Task A_handler_that_finishes_after_its_channel_was_lost_does_not_acknowledge_on_the_new_channel()
    {
        if (!Server.IsThrowaway)
        {
            Output.WriteLine("skipped: a configured broker is not restarted by tests");
            return;
        }

        var firstEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = new ConcurrentQueue<(string Id, bool Redelivered)>();
        var consumer = await StartConsumerAsync(async (message, _) =>
        {
            calls.Enqueue((message.MessageId!, message.Redelivered));
            if (calls.Count == 1)
            {
                firstEntered.SetResult();
                await releaseFirst.Task;
            }
        });
        await Publisher.PublishAsync(Transition("m-1"));
        await firstEntered.Task.WaitAsync(TimeSpan.FromSeconds(90));

        // The first delivery is still being handled when its channel dies; the broker redelivers it on the recovered one.
        await Server.RestartAsync();
        await Eventually.HoldsAsync(() => consumer.Acknowledged == 1, "the redelivered message was handled and acknowledged", TimeSpan.FromMinutes(2));
        Assert.Contains(("m-1", true), calls);

        // Its tag belongs to the lost channel: acknowledging it on the new one would hit another delivery or close the channel.
        releaseFirst.SetResult();
        await PublishUntilConfirmedAsync([Transition("m-2")]);

        await Eventually.HoldsAsync(() => consumer.Acknowledged == 2, "the next message was handled and acknowledged");
        await Eventually.HoldsAsync(async () => await CountsAsync(Options.DocumentTransitionsQueue) == new TestSupport.RabbitMq.QueueCounts(0, 0), "the queue is empty");
        Assert.True(consumer.IsConsuming);
        Assert.Equal(["m-1", "m-1", "m-2"], calls.Select(c => c.Id));
    }

    [Fact]
    public async Task The_publisher_fails_while_the_broker_is_down_and_succeeds_once_it_is_back()
    {
        if (!Server.IsThrowaway)
        {
            Output.WriteLine("skipped: a configured broker is not stopped by tests");
            return;
        }

        await Publisher.PublishAsync(Transition("before"));

        await Server.StopNodeAsync();
        try
        {
            await Assert.ThrowsAsync<PublishNotConfirmedException>(() => Publisher.PublishAsync(Transition("while-down")));
        }
        finally
        {
            await Server.StartNodeAsync();
        }

        await PublishUntilConfirmedAsync([Transition("after")]);
        var taken = await DrainAsync(Options.DocumentTransitionsQueue);
        Assert.Equal(["before", "after"], taken.Select(t => t.MessageId));
    }

    [Fact]
    public async Task The_event_relay_publisher_waits_out_a_broker_restart_and_then_publishes()
    {
        if (!Server.IsThrowaway)
        {
            Output.WriteLine("skipped: a configured broker is not stopped by tests");
            return;
        }

        var relay = new EventRelayPublisher(Publisher, e => new OutgoingMessage(Options.DocumentsExchange, Options.DocumentTransitionsRoutingKey, e.EventId.ToString(), Encoding.UTF8.GetBytes("{}")), new TestLogger<EventRelayPublisher>(Output));
        var events = new[] { new EventStore.Streams.RecordedEvent(new EventStore.Log.LogPosition(1, 1), Guid.CreateVersion7(), Guid.CreateVersion7(), "task", 1, "created", new object(), DateTimeOffset.UtcNow, EventStore.Streams.EventMetadata.None) };

        await Server.StopNodeAsync();
        Task publishing;
        try
        {
            publishing = relay.PublishAsync(events, CancellationToken.None);
            await Task.Delay(1000);
            Assert.False(publishing.IsCompleted);
        }
        finally
        {
            await Server.StartNodeAsync();
        }

        await publishing.WaitAsync(TimeSpan.FromMinutes(2));
        var taken = Assert.Single(await DrainAsync(Options.DocumentTransitionsQueue));
        Assert.Equal(events[0].EventId.ToString(), taken.MessageId);
    }

    private async Task PublishUntilConfirmedAsync(IReadOnlyList<OutgoingMessage> messages) =>
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await Publisher.PublishAsync(messages);
                return true;
            }
            catch (PublishNotConfirmedException e)
            {
                Output.WriteLine($"not yet: {e.Message}");
                return false;
            }
        }, "a publish was confirmed after the restart", TimeSpan.FromMinutes(2));
}
