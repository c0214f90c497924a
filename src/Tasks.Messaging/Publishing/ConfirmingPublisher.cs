using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Tasks.Messaging.Connections;

namespace Tasks.Messaging.Publishing;

/// <summary>
/// Publishes messages on one channel with publisher confirmations, and returns only once the broker has confirmed
/// every message of the call: for a persistent message to a quorum queue, that means a majority of the queue's
/// replicas wrote it. Messages of one call reach the broker in the order given. The channel is reused and replaced
/// after a channel error; while the connection recovers, calls fail fast and callers try again.
/// </summary>
public sealed class ConfirmingPublisher(BrokerConnection connection, ILogger<ConfirmingPublisher> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IChannel? channel;
    private bool disposed;

    /// <summary>Publishes one message and waits for its confirmation.</summary>
    /// <exception cref="PublishNotConfirmedException">The broker did not confirm it.</exception>
    public Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default) =>
        PublishAsync([message], cancellationToken);

    /// <summary>Publishes <paramref name="messages"/> in order and waits until the broker has confirmed all of them.</summary>
    /// <exception cref="PublishNotConfirmedException">Some were not confirmed (they may still have been delivered).</exception>
    public Task PublishAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var publications = new Publication[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            publications[i] = Publication.From(messages[i]);
        }

        return PublishAsync(publications, cancellationToken);
    }

    /// <summary>Publishes prepared publications (full AMQP properties) in order and waits for every confirmation.</summary>
    internal async Task PublishAsync(IReadOnlyList<Publication> publications, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (publications.Count == 0)
        {
            return;
        }

        var confirmations = new Task[publications.Count];
        IChannel current;
        await gate.WaitAsync(cancellationToken);
        try
        {
            current = await ChannelAsync(cancellationToken);
            // Issued one after the other while holding the gate, so that no other call interleaves and the broker
            // receives them in this order; the confirmations are awaited outside the gate so that calls overlap.
            for (var i = 0; i < publications.Count; i++)
            {
                var p = publications[i];
                confirmations[i] = Issue(current, p, cancellationToken);
            }
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or BrokerUnreachableException or TimeoutException)
        {
            throw new PublishNotConfirmedException($"could not publish to RabbitMQ: {e.Message}", e) { Unconfirmed = publications.Count };
        }
        finally
        {
            gate.Release();
        }

        try
        {
            await Task.WhenAll(confirmations);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            var failed = confirmations.Where(t => !t.IsCompletedSuccessfully).ToArray();
            var first = failed.Select(t => t.Exception?.GetBaseException()).FirstOrDefault(e => e is not null) ?? new InvalidOperationException("not confirmed");
            await ForgetChannelIfBrokenAsync(current);
            logger.LogWarning("{Failed} of {Count} messages not confirmed by RabbitMQ: {Reason}", failed.Length, publications.Count, Describe(first));
            throw new PublishNotConfirmedException($"{failed.Length} of {publications.Count} messages not confirmed by RabbitMQ: {Describe(first)}", first) { Unconfirmed = failed.Length };
        }
    }

    /// <summary>Closes the channel.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (channel is { } open)
        {
            await CloseQuietlyAsync(open);
        }

        gate.Dispose();
    }

    private static Task Issue(IChannel channel, Publication p, CancellationToken cancellationToken)
    {
        try
        {
            return channel.BasicPublishAsync(p.Exchange, p.RoutingKey, p.Mandatory, p.Properties, p.Body, cancellationToken).AsTask();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromException(e);
        }
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (channel is { } existing)
        {
            // A channel closed by a channel-level error (say, an exchange that does not exist) is not recovered by the
            // library; one closed with its connection is, so keep it and let the call fail fast until it is back.
            if (existing.IsOpen || !connection.IsOpen)
            {
                return existing;
            }

            channel = null;
            await CloseQuietlyAsync(existing);
        }

        var options = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            // No throttling of outstanding confirmations: it would reorder nothing, but it would delay large batches.
            outstandingPublisherConfirmationsRateLimiter: null);
        channel = await connection.CreateChannelAsync(options, cancellationToken);
        return channel;
    }

    private async Task ForgetChannelIfBrokenAsync(IChannel broken)
    {
        await gate.WaitAsync();
        try
        {
            if (ReferenceEquals(channel, broken) && broken.IsClosed && connection.IsOpen)
            {
                channel = null;
                await CloseQuietlyAsync(broken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync();
            }
        }
        catch (Exception e) when (e is AlreadyClosedException or OperationInterruptedException or IOException or OperationCanceledException or TimeoutException)
        {
            // Already gone; there is nothing to release on the broker.
        }

        channel.Dispose();
    }

    private static string Describe(Exception e) => e switch
    {
        PublishException { IsReturn: true } => "unroutable (returned)",
        PublishException => "refused by the broker (nack)",
        AlreadyClosedException closed => $"channel closed ({closed.ShutdownReason?.ReplyText})",
        _ => e.Message,
    };
}

/// <summary>One message ready for the wire.</summary>
internal sealed record Publication(string Exchange, string RoutingKey, bool Mandatory, BasicProperties Properties, ReadOnlyMemory<byte> Body)
{
    public static Publication From(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var properties = new BasicProperties
        {
            MessageId = message.MessageId,
            ContentType = message.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
        };
        if (message.Headers is { Count: > 0 } headers)
        {
            properties.Headers = headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        }

        if (message.Type is not null)
        {
            properties.Type = message.Type;
        }

        if (message.CorrelationId is not null)
        {
            properties.CorrelationId = message.CorrelationId;
        }

        if (message.Timestamp is { } at)
        {
            properties.Timestamp = new AmqpTimestamp(at.ToUnixTimeSeconds());
        }

        return new Publication(message.Exchange, message.RoutingKey, message.Mandatory, properties, message.Body);
    }
}
