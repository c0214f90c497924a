using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Handling;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Hosting;

/// <summary>Registers messaging with a host.</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>The connection string's name: <c>ConnectionStrings:RabbitMq</c>, an <c>amqp://</c> URI.</summary>
    public const string ConnectionStringName = "RabbitMq";

    /// <summary>
    /// Registers the broker connection, <see cref="MessagingOptions"/> (section <c>Messaging</c>), the topology
    /// declaration (a hosted service, registered here so that it starts before consumers registered after it), and
    /// <see cref="ConfirmingPublisher"/>. Returns false, registering nothing, when <c>ConnectionStrings:RabbitMq</c> is
    /// absent: messaging is off and the host registers no consumer and no relay.
    /// </summary>
    public static bool AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var uri = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(uri))
        {
            return false;
        }

        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} must be an amqp:// or amqps:// URI.");
        }

        var options = new MessagingOptions();
        configuration.GetSection(MessagingOptions.Section).Bind(options);
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton(sp => new BrokerConnection(
            parsed,
            $"tasks {Environment.MachineName} {Environment.ProcessId}",
            sp.GetRequiredService<ILogger<BrokerConnection>>()));
        services.AddSingleton<TopologyInitializer>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TopologyInitializer>());
        services.AddSingleton<ConfirmingPublisher>();
        return true;
    }

    /// <summary>
    /// Registers a hosted <see cref="QueueConsumer"/> for <paramref name="queue"/>, dead-lettering to
    /// <paramref name="deadLetterQueue"/>, with prefetch and concurrency from <see cref="MessagingOptions"/>; it is also
    /// available as a keyed singleton under the queue's name. Call after <see cref="AddMessaging"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="queue">The queue consumed.</param>
    /// <param name="deadLetterQueue">Where rejected messages go.</param>
    /// <param name="handler">Builds the handler from the services.</param>
    /// <param name="configure">Adjusts the options (for example the shutdown grace).</param>
    public static IServiceCollection AddQueueConsumer(
        this IServiceCollection services,
        string queue,
        string deadLetterQueue,
        Func<IServiceProvider, MessageHandler> handler,
        Func<QueueConsumerOptions, QueueConsumerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterQueue);
        ArgumentNullException.ThrowIfNull(handler);
        services.AddKeyedSingleton(queue, (sp, _) =>
        {
            var messaging = sp.GetRequiredService<MessagingOptions>();
            var options = new QueueConsumerOptions(queue, deadLetterQueue)
            {
                Prefetch = messaging.Prefetch,
                Concurrency = messaging.ConsumerConcurrency,
            };
            return new QueueConsumer(
                sp.GetRequiredService<BrokerConnection>(),
                sp.GetRequiredService<ConfirmingPublisher>(),
                configure?.Invoke(options) ?? options,
                handler(sp),
                sp.GetRequiredService<ILogger<QueueConsumer>>(),
                sp.GetRequiredService<TopologyInitializer>());
        });
        // Not AddHostedService: it registers one implementation type once, and a host may consume several queues.
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<QueueConsumer>(queue));
        return services;
    }

    /// <summary>
    /// Registers <see cref="EventRelayPublisher"/> as the <see cref="IEventPublisher"/> for a <see cref="LogRelay"/>,
    /// with the mapping from an event to its message (null skips the event). Call after <see cref="AddMessaging"/>.
    /// </summary>
    public static IServiceCollection AddEventRelayPublisher(this IServiceCollection services, Func<IServiceProvider, Func<RecordedEvent, OutgoingMessage?>> map)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(map);
        services.AddSingleton<IEventPublisher>(sp => new EventRelayPublisher(
            sp.GetRequiredService<ConfirmingPublisher>(),
            map(sp),
            sp.GetRequiredService<ILogger<EventRelayPublisher>>(),
            sp.GetRequiredService<TopologyInitializer>()));
        return services;
    }
}
