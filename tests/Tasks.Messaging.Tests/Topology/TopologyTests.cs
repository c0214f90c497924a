using RabbitMQ.Client.Exceptions;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Tests.Topology;

public sealed class TopologyTests(ITestOutputHelper output) : BrokerTest(output)
{
    [Fact]
    public async Task Declaring_the_topology_again_changes_nothing_and_routes_transitions_to_the_queue()
    {
        await MessagingTopology.DeclareAsync(Connection, Options);
        await MessagingTopology.DeclareAsync(Connection, Options);

        await Publisher.PublishAsync(Transition("m-1"));

        await Eventually.HoldsAsync(async () => (await CountsAsync(Options.DocumentTransitionsQueue)).Ready == 1, "the transition reached its queue");
        Assert.Equal(0, (await CountsAsync(Options.DeadLetterQueue)).Ready);
        await using var channel = await Connection.CreateChannelAsync();
        await channel.ExchangeDeclarePassiveAsync(Options.DocumentsExchange);
        await channel.ExchangeDeclarePassiveAsync(Options.EventsExchange);
    }

    [Theory]
    [InlineData("tasks.document-transitions")]
    [InlineData("tasks.document-transitions.dead")]
    public async Task The_queues_are_quorum_queues(string queue)
    {
        // Declaring the same name as a classic queue is refused only because the existing one is a quorum queue.
        await using var channel = await Connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?> { ["x-queue-type"] = "classic" }));
        Assert.Equal((ushort)406, refused.ShutdownReason?.ReplyCode);
    }
}
