using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Publishing;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Handling;

/// <summary>
/// Consumes one queue and hands each message to a <see cref="MessageHandler"/>, up to
/// <see cref="QueueConsumerOptions.Concurrency"/> at a time, with <see cref="QueueConsumerOptions.Prefetch"/> messages
/// sent ahead. After the handler:
/// <list type="bullet">
/// <item>returns: the message is acknowledged (the handler has committed, so an acknowledgement never precedes the effect);</item>
/// <item>throws <see cref="MessageRejectedException"/>: a copy goes to the dead-letter queue with the reason in its headers,
/// confirmed by the broker, and only then is the original acknowledged; until that copy is confirmed the original is held;</item>
/// <item>throws anything else: the failure is taken as transient (a database away) and the handler is called again for the
/// same message, held unacknowledged, with backoff, until it succeeds or rejects, or the consumer stops (then the message
/// is returned to the queue).</item>
/// </list>
/// A lost connection is recovered by the client library, which re-registers the consumer; the broker redelivers what was
/// unacknowledged on the lost channel, so an acknowledgement owed to the old channel is dropped, never sent on the new one.
/// A channel closed by an error, or a consumer the broker cancelled, is replaced by the consumer's own supervision.
/// </summary>
public sealed class QueueConsumer : BackgroundService
{
    private const string RejectedCodeHeader = "x-rejected-code";
    private const string RejectedReasonHeader = "x-rejected-reason";
    private const string RejectedAtHeader = "x-rejected-at";
    private const string OriginalExchangeHeader = "x-original-exchange";
    private const string OriginalRoutingKeyHeader = "x-original-routing-key";

    private readonly BrokerConnection connection;
    private readonly ConfirmingPublisher deadLetters;
    private readonly QueueConsumerOptions options;
    private readonly MessageHandler handler;
    private readonly ILogger logger;
    private readonly TopologyInitializer? topology;
    // Ends backoff waits at shutdown: a message still failing goes back to the queue.
    private readonly CancellationTokenSource retries = new();
    // Cancels running handlers once the shutdown grace has run out.
    private readonly CancellationTokenSource handlers = new();
    private readonly SemaphoreSlim channelGate = new(1, 1);
    private IChannel? channel;
    private DeliveryConsumer? consumer;
    private long generation;
    private int inFlight;
    private long acknowledged;
    private long deadLettered;
    private volatile bool stopping;
    private volatile bool cancelledByBroker;

    /// <summary>Creates the consumer; it starts consuming when the host starts it.</summary>
    /// <param name="connection">The broker connection.</param>
    /// <param name="deadLetters">Publishes rejected messages to the dead-letter queue, with confirmation.</param>
    /// <param name="options">The queue, the dead-letter queue, prefetch, concurrency, backoff and shutdown grace.</param>
    /// <param name="handler">Handles each message.</param>
    /// <param name="logger">Where failures, rejections and recovery are reported.</param>
    /// <param name="topology">When given, consuming starts once the topology is declared.</param>
    public QueueConsumer(BrokerConnection connection, ConfirmingPublisher deadLetters, QueueConsumerOptions options, MessageHandler handler, ILogger<QueueConsumer> logger, TopologyInitializer? topology = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(deadLetters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Queue);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DeadLetterQueue);
        if (options.Prefetch == 0 || options.Concurrency == 0)
        {
            throw new ArgumentException("prefetch and concurrency must be at least 1", nameof(options));
        }

        this.connection = connection;
        this.deadLetters = deadLetters;
        this.options = options;
        this.handler = handler;
        this.logger = logger;
        this.topology = topology;
    }

    /// <summary>How this consumer consumes.</summary>
    public QueueConsumerOptions Options => options;

    /// <summary>Whether the consumer is registered with the broker on an open channel now.</summary>
    public bool IsConsuming => consumer is { IsRunning: true } && channel is { IsOpen: true } && !stopping;

    /// <summary>Messages being handled now (including those waiting to be retried).</summary>
    public int InFlight => Volatile.Read(ref inFlight);

    /// <summary>Messages acknowledged after their handler succeeded, since start.</summary>
    public long Acknowledged => Interlocked.Read(ref acknowledged);

    /// <summary>Messages moved to the dead-letter queue, since start.</summary>
    public long DeadLettered => Interlocked.Read(ref deadLettered);

    /// <summary>
    /// Stops consuming: the broker sends no more messages, running handlers get <see cref="QueueConsumerOptions.ShutdownGrace"/>
    /// to finish (then their token fires), messages waiting for a retry go back to the queue, and the channel is closed,
    /// which returns whatever is still unacknowledged to the queue.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        await retries.CancelAsync();
        await CancelConsumerAsync();
        using (var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            grace.CancelAfter(options.ShutdownGrace);
            await DrainAsync(grace.Token);
        }

        await handlers.CancelAsync();
        using (var rest = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await DrainAsync(rest.Token);
        }

        await base.StopAsync(cancellationToken);
        await DropChannelAsync();
        logger.LogInformation("stopped consuming {Queue}", options.Queue);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        base.Dispose();
        retries.Dispose();
        handlers.Dispose();
        channel?.Dispose();
        channelGate.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (topology is not null)
            {
                await topology.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var delay = options.RetryInitialDelay;
        while (!stoppingToken.IsCancellationRequested && !stopping)
        {
            try
            {
                await OpenAsync(stoppingToken);
                delay = options.RetryInitialDelay;
                await SuperviseAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "consuming {Queue} failed; trying again in {Delay}", options.Queue, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = Backoff.Next(delay, options.RetryMaxDelay);
            }
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await DropChannelAsync();
        var created = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false, consumerDispatchConcurrency: options.Concurrency),
            cancellationToken);
        created.ChannelShutdownAsync += OnChannelShutdownAsync;
        await created.BasicQosAsync(0, options.Prefetch, global: false, cancellationToken);
        var registered = new DeliveryConsumer(this, created);
        await channelGate.WaitAsync(cancellationToken);
        try
        {
            cancelledByBroker = false;
            channel = created;
            consumer = registered;
            Interlocked.Increment(ref generation);
        }
        finally
        {
            channelGate.Release();
        }

        await created.BasicConsumeAsync(options.Queue, autoAck: false, consumerTag: "", noLocal: false, exclusive: false, arguments: null, registered, cancellationToken);
        logger.LogInformation("consuming {Queue} (prefetch {Prefetch}, concurrency {Concurrency})", options.Queue, options.Prefetch, options.Concurrency);
    }

    // Returns when the channel must be replaced: the library recovers channels and consumers after a connection loss,
    // but not a channel closed by a channel error while the connection stays up, nor a consumer the broker cancelled.
    private async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        var closedChecks = 0;
        while (!cancellationToken.IsCancellationRequested && !stopping)
        {
            await Task.Delay(options.SupervisionInterval, cancellationToken);
            if (stopping)
            {
                return;
            }

            if (cancelledByBroker)
            {
                logger.LogWarning("the broker cancelled the consumer of {Queue}; registering again", options.Queue);
                return;
            }

            // Twice in a row, so that a channel the library is about to recover after a reconnect is left alone.
            closedChecks = channel is { IsClosed: true } && connection.IsOpen ? closedChecks + 1 : 0;
            if (closedChecks >= 2)
            {
                logger.LogWarning("the channel consuming {Queue} closed ({Reason}); opening another", options.Queue, channel?.CloseReason?.ReplyText);
                return;
            }
        }
    }

    private Task OnChannelShutdownAsync(object sender, ShutdownEventArgs e)
    {
        // Delivery tags belong to the channel they came on: whatever this channel still owes an answer will be redelivered.
        Interlocked.Increment(ref generation);
        if (e.Initiator != ShutdownInitiator.Application)
        {
            logger.LogWarning("channel consuming {Queue} shut down ({Initiator} {Code} {Text}); unacknowledged messages will be redelivered", options.Queue, e.Initiator, e.ReplyCode, e.ReplyText);
        }

        return Task.CompletedTask;
    }

    private async Task DeliverAsync(IChannel from, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var delivery = new Delivery(from, Volatile.Read(ref generation), deliveryTag);
        if (stopping)
        {
            await NackAsync(delivery);
            return;
        }

        Interlocked.Increment(ref inFlight);
        try
        {
            // The client reuses the body's memory once this callback returns; the handler gets a copy it may keep.
            var copy = body.ToArray();
            var headers = properties.Headers is { } h
                ? new Dictionary<string, object?>(h, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            var message = new IncomingMessage(properties.MessageId, exchange, routingKey, properties.ContentType, copy, headers, redelivered);
            await ProcessAsync(delivery, message, properties);
        }
        catch (Exception e)
        {
            // Never let a failure escape into the client's dispatcher, and never leave the message held: back to the queue.
            logger.LogError(e, "unexpected failure with a message from {Queue}; returning it to the queue", options.Queue);
            await NackAsync(delivery);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task ProcessAsync(Delivery delivery, IncomingMessage message, IReadOnlyBasicProperties properties)
    {
        var delay = options.RetryInitialDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await handler(message, handlers.Token);
            }
            catch (MessageRejectedException rejection)
            {
                await DeadLetterAsync(delivery, message, properties, rejection);
                return;
            }
            catch (OperationCanceledException) when (handlers.IsCancellationRequested)
            {
                await NackAsync(delivery);
                return;
            }
            catch (Exception e)
            {
                if (!IsCurrent(delivery))
                {
                    logger.LogWarning(e, "message {MessageId} from {Queue} failed after its channel was lost; the broker redelivers it", message.MessageId, options.Queue);
                    return;
                }

                logger.LogWarning(e, "message {MessageId} from {Queue} failed (attempt {Attempt}); trying again in {Delay}", message.MessageId, options.Queue, attempt, delay);
                if (!await WaitToRetryAsync(delay))
                {
                    await NackAsync(delivery);
                    return;
                }

                delay = Backoff.Next(delay, options.RetryMaxDelay);
                continue;
            }

            if (await AckAsync(delivery))
            {
                Interlocked.Increment(ref acknowledged);
            }

            return;
        }
    }

    private async Task DeadLetterAsync(Delivery delivery, IncomingMessage message, IReadOnlyBasicProperties properties, MessageRejectedException rejection)
    {
        var copy = DeadLetterCopy(message, properties, rejection);
        var delay = options.RetryInitialDelay;
        while (true)
        {
            try
            {
                await deadLetters.PublishAsync([copy], handlers.Token);
                break;
            }
            catch (OperationCanceledException) when (handlers.IsCancellationRequested)
            {
                await NackAsync(delivery);
                return;
            }
            catch (PublishNotConfirmedException e)
            {
                // The original is held until its copy is safe: it is never acknowledged without one.
                if (!IsCurrent(delivery))
                {
                    return;
                }

                logger.LogWarning(e, "dead-lettering message {MessageId} from {Queue} failed; trying again in {Delay}", message.MessageId, options.Queue, delay);
                if (!await WaitToRetryAsync(delay))
                {
                    await NackAsync(delivery);
                    return;
                }

                delay = Backoff.Next(delay, options.RetryMaxDelay);
            }
        }

        logger.LogWarning("message {MessageId} from {Queue} rejected ({Code}: {Reason}); moved to {DeadLetterQueue}", message.MessageId, options.Queue, rejection.Code, rejection.Reason, options.DeadLetterQueue);
        Interlocked.Increment(ref deadLettered);
        await AckAsync(delivery);
    }

    private Publication DeadLetterCopy(IncomingMessage message, IReadOnlyBasicProperties original, MessageRejectedException rejection)
    {
        var properties = new BasicProperties(original)
        {
            DeliveryMode = DeliveryModes.Persistent,
            Headers = new Dictionary<string, object?>(message.Headers, StringComparer.Ordinal)
            {
                [RejectedCodeHeader] = rejection.Code,
                [RejectedReasonHeader] = rejection.Reason,
                [OriginalExchangeHeader] = message.Exchange,
                [OriginalRoutingKeyHeader] = message.RoutingKey,
                [RejectedAtHeader] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            },
        };

        // Mandatory: if the dead-letter queue is missing, the copy comes back as an error instead of vanishing.
        return new Publication("", options.DeadLetterQueue, Mandatory: true, properties, message.Body);
    }

    private async Task<bool> WaitToRetryAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, retries.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Whether the delivery's channel is still the one consuming, unbroken since the delivery arrived.
    private bool IsCurrent(Delivery delivery) =>
        ReferenceEquals(delivery.Channel, channel) && delivery.Generation == Volatile.Read(ref generation) && delivery.Channel.IsOpen;

    private async Task<bool> AckAsync(Delivery delivery)
    {
        if (!IsCurrent(delivery))
        {
            // A tag from a lost channel must not be acknowledged on its successor; the broker redelivers the message.
            logger.LogDebug("not acknowledging delivery {Tag} from {Queue}: its channel was lost", delivery.Tag, options.Queue);
            return false;
        }

        try
        {
            await delivery.Channel.BasicAckAsync(delivery.Tag, multiple: false, CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            logger.LogDebug(e, "acknowledging delivery {Tag} from {Queue} failed; the broker redelivers it", delivery.Tag, options.Queue);
            return false;
        }
    }

    private async Task NackAsync(Delivery delivery)
    {
        if (!IsCurrent(delivery))
        {
            return;
        }

        try
        {
            await delivery.Channel.BasicNackAsync(delivery.Tag, multiple: false, requeue: true, CancellationToken.None);
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            // Its channel is gone: the broker requeues it anyway.
        }
    }

    private async Task CancelConsumerAsync()
    {
        if (channel is not { IsOpen: true } open || consumer is null)
        {
            return;
        }

        foreach (var tag in consumer.ConsumerTags)
        {
            try
            {
                await open.BasicCancelAsync(tag, noWait: false).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException or OperationCanceledException)
            {
                logger.LogDebug(e, "cancelling the consumer of {Queue} failed", options.Queue);
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref inFlight) > 0 && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(25, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DropChannelAsync()
    {
        IChannel? old;
        await channelGate.WaitAsync();
        try
        {
            old = channel;
            channel = null;
            consumer = null;
            Interlocked.Increment(ref generation);
        }
        finally
        {
            channelGate.Release();
        }

        if (old is null)
        {
            return;
        }

        old.ChannelShutdownAsync -= OnChannelShutdownAsync;
        try
        {
            if (old.IsOpen)
            {
                await old.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or TimeoutException or OperationCanceledException)
        {
            // Already gone: the broker has requeued its unacknowledged messages.
        }

        old.Dispose();
    }

    private sealed record Delivery(IChannel Channel, long Generation, ulong Tag);

    private sealed class DeliveryConsumer(QueueConsumer owner, IChannel channel) : AsyncDefaultBasicConsumer(channel)
    {
        public override Task HandleBasicDeliverAsync(string consumerTag, ulong deliveryTag, bool redelivered, string exchange, string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default) =>
            owner.DeliverAsync(Channel, deliveryTag, redelivered, exchange, routingKey, properties, body);

        public override Task HandleBasicCancelAsync(string consumerTag, CancellationToken cancellationToken = default)
        {
            // The broker cancelled us (the queue was deleted, or the node holding it went away): supervision registers again.
            owner.cancelledByBroker = true;
            return base.HandleBasicCancelAsync(consumerTag, cancellationToken);
        }
    }
}
