using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Handling;
using Tasks.Messaging.Hosting;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Tests.Hosting;

public sealed class AddMessagingTests
{
    [Fact]
    public void Without_a_RabbitMq_connection_string_messaging_is_off()
    {
        var services = new ServiceCollection();

        Assert.False(services.AddMessaging(new ConfigurationBuilder().Build()));
        Assert.Empty(services);
    }

    [Fact]
    public async Task With_a_connection_string_it_registers_the_connection_the_topology_first_and_the_consumers()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://guest:secret@127.0.0.1:5672/tasks",
            ["Messaging:Prefetch"] = "32",
            ["Messaging:DeadLetterQueue"] = "dead",
        }).Build();
        var services = new ServiceCollection().AddLogging();

        Assert.True(services.AddMessaging(configuration));
        services.AddQueueConsumer("q", "dead", _ => (_, _) => Task.CompletedTask);
        services.AddQueueConsumer("r", "dead", _ => (_, _) => Task.CompletedTask);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<MessagingOptions>();
        Assert.Equal(32, options.Prefetch);
        Assert.Equal("dead", options.DeadLetterQueue);
        Assert.Equal("tasks.events", options.EventsExchange);
        var hosted = provider.GetServices<IHostedService>().ToList();
        Assert.IsType<TopologyInitializer>(hosted[0]);
        Assert.Equal(["q", "r"], hosted.OfType<QueueConsumer>().Select(c => c.Options.Queue));
        Assert.Equal(32, hosted.OfType<QueueConsumer>().First().Options.Prefetch);
        Assert.NotNull(provider.GetRequiredService<ConfirmingPublisher>());
        Assert.Equal("amqp://guest:***@127.0.0.1:5672/tasks", provider.GetRequiredService<BrokerConnection>().DisplayUri);
    }
}
