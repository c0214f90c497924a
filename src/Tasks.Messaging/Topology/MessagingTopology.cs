using RabbitMQ.Client;
using Tasks.Messaging.Connections;

namespace Tasks.Messaging.Topology;

/// <summary>
/// The exchanges and queues the service relies on. Declaring is idempotent: an entity that exists with the same
/// arguments is left as it is; one that exists with different arguments makes the broker refuse (PRECONDITION_FAILED).
/// </summary>
public static class MessagingTopology
{
    /// <summary>Declares everything <paramref name="options"/> names, on a channel of its own that is closed afterwards.</summary>
    public static async Task DeclareAsync(BrokerConnection connection, MessagingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await DeclareTopicExchangeAsync(channel, options.DocumentsExchange, cancellationToken);
        await DeclareTopicExchangeAsync(channel, options.EventsExchange, cancellationToken);
        await DeclareConsumedQueueAsync(channel, options.DocumentTransitionsQueue, options.DeadLetterQueue, cancellationToken);
        await channel.QueueBindAsync(options.DocumentTransitionsQueue, options.DocumentsExchange, options.DocumentTransitionsRoutingKey, cancellationToken: cancellationToken);
        await channel.CloseAsync(cancellationToken);
    }

    /// <summary>Declares a durable topic exchange.</summary>
    public static Task DeclareTopicExchangeAsync(IChannel channel, string exchange, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Declares a durable quorum queue and its dead-letter quorum queue. The queue dead-letters into it too, so that a
    /// message the broker itself gives up on (a delivery limit, as RabbitMQ 4 sets by default) lands there instead of vanishing.
    /// </summary>
    public static async Task DeclareConsumedQueueAsync(IChannel channel, string queue, string deadLetterQueue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterQueue);
        await DeclareQuorumQueueAsync(channel, deadLetterQueue, null, cancellationToken);
        await DeclareQuorumQueueAsync(channel, queue, new Dictionary<string, object?>
        {
            // The default exchange routes by queue name straight to the dead-letter queue.
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = deadLetterQueue,
        }, cancellationToken);
    }

    /// <summary>Declares a durable quorum queue (replicated; survives broker restarts) with optional extra arguments.</summary>
    public static Task DeclareQuorumQueueAsync(IChannel channel, string queue, IDictionary<string, object?>? arguments = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var all = new Dictionary<string, object?>(arguments ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            ["x-queue-type"] = "quorum",
        };
        return channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: all, cancellationToken: cancellationToken);
    }
}
