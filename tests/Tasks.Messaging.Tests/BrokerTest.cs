using System.Text;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Handling;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;
using Tasks.TestSupport.RabbitMq;

namespace Tasks.Messaging.Tests;

/// <summary>A test on its own virtual host of the shared broker, with the service's topology declared there.</summary>
public abstract class BrokerTest(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> disposables = [];
    private readonly List<QueueConsumer> consumers = [];

    protected ITestOutputHelper Output { get; } = output;

    protected RabbitMqServer Server { get; private set; } = null!;

    protected string VirtualHostUri { get; private set; } = null!;

    protected MessagingOptions Options { get; } = new();

    /// <summary>The connection the code under test uses.</summary>
    protected BrokerConnection Connection { get; private set; } = null!;

    /// <summary>A publisher of the code under test, on <see cref="Connection"/>.</summary>
    protected ConfirmingPublisher Publisher { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RabbitMqServer.InstanceAsync();
        VirtualHostUri = await Server.CreateVirtualHostAsync();
        Connection = NewConnection("under-test");
        Publisher = new ConfirmingPublisher(Connection, new TestLogger<ConfirmingPublisher>(Output));
        disposables.Add(Publisher);
        await MessagingTopology.DeclareAsync(Connection, Options);
    }

    public async Task DisposeAsync()
    {
        foreach (var consumer in consumers)
        {
            await consumer.StopAsync(CancellationToken.None);
            consumer.Dispose();
        }

        disposables.Reverse();
        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }
    }

    protected BrokerConnection NewConnection(string name)
    {
        var connection = new BrokerConnection(new Uri(VirtualHostUri), $"test {name}", new TestLogger<BrokerConnection>(Output));
        disposables.Add(connection);
        return connection;
    }

    /// <summary>Starts a consumer of the document transitions queue with <paramref name="handler"/>.</summary>
    protected async Task<QueueConsumer> StartConsumerAsync(MessageHandler handler, Func<QueueConsumerOptions, QueueConsumerOptions>? configure = null)
    {
        var options = new QueueConsumerOptions(Options.DocumentTransitionsQueue, Options.DeadLetterQueue)
        {
            Prefetch = 16,
            Concurrency = 4,
            RetryInitialDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            ShutdownGrace = TimeSpan.FromSeconds(5),
            SupervisionInterval = TimeSpan.FromMilliseconds(250),
        };
        var consumer = new QueueConsumer(Connection, Publisher, configure?.Invoke(options) ?? options, handler, new TestLogger<QueueConsumer>(Output));
        consumers.Add(consumer);
        await consumer.StartAsync(CancellationToken.None);
        return consumer;
    }

    /// <summary>Publishes as the documents service does: persistent JSON with a message id, to the documents exchange.</summary>
    protected static OutgoingMessage Transition(string id, string? body = null) =>
        new(new MessagingOptions().DocumentsExchange, new MessagingOptions().DocumentTransitionsRoutingKey, id, Encoding.UTF8.GetBytes(body ?? $"{{\"id\":\"{id}\"}}"));

    protected async Task<QueueCounts> CountsAsync(string queue) =>
        await Server.QueueCountsAsync(VirtualHostUri, queue) ?? throw new InvalidOperationException($"queue {queue} does not exist");

    /// <summary>Takes every message now in <paramref name="queue"/> (acknowledging them), in queue order.</summary>
    protected async Task<List<TakenMessage>> DrainAsync(string queue)
    {
        var connection = NewConnection("drain");
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<TakenMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            var headers = result.BasicProperties.Headers?.ToDictionary(h => h.Key, h => IncomingMessage.HeaderText(h.Value)) ?? [];
            taken.Add(new TakenMessage(result.BasicProperties.MessageId, result.RoutingKey, result.BasicProperties.ContentType, result.BasicProperties.Persistent, headers, Encoding.UTF8.GetString(result.Body.Span)));
        }

        return taken;
    }
}

/// <summary>A message taken from a queue, copied out of the client's buffers.</summary>
public sealed record TakenMessage(string? MessageId, string RoutingKey, string? ContentType, bool Persistent, Dictionary<string, string?> Headers, string Body);
