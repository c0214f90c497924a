using System.Text;
using Tasks.EventStore.Log;
using Tasks.EventStore.Streams;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Tests.Publishing;

public sealed class ConfirmingPublisherTests(ITestOutputHelper output) : BrokerTest(output)
{
    private const string EventsQueue = "test.events";

    [Fact]
    public async Task Published_messages_are_confirmed_and_arrive_in_order()
    {
        await BindEventsQueueAsync();
        var messages = Enumerable.Range(0, 500)
            .Select(i => new OutgoingMessage(Options.EventsExchange, "task.created", $"e-{i}", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))
            {
                Headers = new Dictionary<string, object?> { ["n"] = i },
                Type = "taskCreated",
            })
            .ToList();

        await Publisher.PublishAsync(messages);

        await Eventually.HoldsAsync(async () => (await CountsAsync(EventsQueue)).Ready == 500, "every confirmed message is in the queue");
        var taken = await DrainAsync(EventsQueue);
        Assert.Equal(messages.Select(m => m.MessageId), taken.Select(t => t.MessageId));
        Assert.All(taken, t => Assert.True(t.Persistent));
        Assert.All(taken, t => Assert.Equal("application/json", t.ContentType));
        Assert.Equal("{\"n\":7}", taken[7].Body);
        Assert.Equal("7", taken[7].Headers["n"]);
    }

    [Fact]
    public async Task An_event_with_no_bound_queue_is_still_confirmed()
    {
        // Events fan out to whoever listens; nobody listening is not an error.
        await Publisher.PublishAsync(new OutgoingMessage(Options.EventsExchange, "task.created", "e-1", Encoding.UTF8.GetBytes("{}")));
    }

    [Fact]
    public async Task An_unroutable_mandatory_message_is_not_confirmed()
    {
        var refused = await Assert.ThrowsAsync<PublishNotConfirmedException>(() =>
            Publisher.PublishAsync(new OutgoingMessage("", "no.such.queue", "m-1", Encoding.UTF8.GetBytes("{}")) { Mandatory = true }));
        Assert.Equal(1, refused.Unconfirmed);

        // The channel is still usable afterwards.
        await BindEventsQueueAsync();
        await Publisher.PublishAsync(new OutgoingMessage(Options.EventsExchange, "task.created", "e-1", Encoding.UTF8.GetBytes("{}")));
        await Eventually.HoldsAsync(async () => (await CountsAsync(EventsQueue)).Ready == 1, "the next message arrived");
    }

    [Fact]
    public async Task A_publish_to_a_missing_exchange_fails_and_the_publisher_recovers_with_a_new_channel()
    {
        await Assert.ThrowsAsync<PublishNotConfirmedException>(() =>
            Publisher.PublishAsync(new OutgoingMessage("no.such.exchange", "x", "m-1", Encoding.UTF8.GetBytes("{}"))));

        await BindEventsQueueAsync();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await Publisher.PublishAsync(new OutgoingMessage(Options.EventsExchange, "task.created", "e-1", Encoding.UTF8.GetBytes("{}")));
                return true;
            }
            catch (PublishNotConfirmedException)
            {
                return false;
            }
        }, "a publish succeeded again");
    }

    [Fact]
    public async Task The_event_relay_publisher_publishes_mapped_events_in_log_order_and_skips_the_rest()
    {
        await BindEventsQueueAsync();
        var relay = new EventRelayPublisher(Publisher, e => e.Type == "skipped"
            ? null
            : new OutgoingMessage(Options.EventsExchange, "task." + e.Type, e.EventId.ToString(), Encoding.UTF8.GetBytes("{}")), new TestLogger<EventRelayPublisher>(Output));
        var events = Enumerable.Range(0, 20)
            .Select(i => new RecordedEvent(new LogPosition(100, i), Guid.CreateVersion7(), Guid.CreateVersion7(), "task", 1, i % 5 == 0 ? "skipped" : "created", new object(), DateTimeOffset.UtcNow, EventMetadata.None))
            .ToList();

        await relay.PublishAsync(events, CancellationToken.None);

        await Eventually.HoldsAsync(async () => (await CountsAsync(EventsQueue)).Ready == 16, "every mapped event was published");
        var taken = await DrainAsync(EventsQueue);
        Assert.Equal(events.Where(e => e.Type != "skipped").Select(e => e.EventId.ToString()), taken.Select(t => t.MessageId));
        Assert.All(taken, t => Assert.Equal("task.created", t.RoutingKey));
    }

    private async Task BindEventsQueueAsync()
    {
        await using var channel = await Connection.CreateChannelAsync();
        await MessagingTopology.DeclareQuorumQueueAsync(channel, EventsQueue);
        await channel.QueueBindAsync(EventsQueue, Options.EventsExchange, "task.#");
    }
}
