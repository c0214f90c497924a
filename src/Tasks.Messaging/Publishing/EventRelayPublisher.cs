using Microsoft.Extensions.Logging;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Topology;

namespace Tasks.Messaging.Publishing;

/// <summary>
/// The broker side of <see cref="LogRelay"/>: maps each event to a message (or skips it), publishes the batch in log
/// order through <see cref="ConfirmingPublisher"/>, and returns once every message is confirmed. While the broker is
/// away it keeps trying with backoff (200 ms doubling to 30 s) instead of throwing: the relay's checkpoint stays
/// where it is, nothing is skipped, and the batch goes out when the broker is back. It throws only when cancelled.
/// </summary>
public sealed class EventRelayPublisher : IEventPublisher
{
    private readonly ConfirmingPublisher publisher;
    private readonly Func<RecordedEvent, OutgoingMessage?> map;
    private readonly ILogger logger;
    private readonly TopologyInitializer? topology;

    /// <summary>Creates the publisher.</summary>
    /// <param name="publisher">Publishes with confirmations.</param>
    /// <param name="map">An event's message, or null to publish nothing for it.</param>
    /// <param name="logger">Where failed attempts are reported.</param>
    /// <param name="topology">When given, publishing waits until the topology is declared (the exchange exists).</param>
    public EventRelayPublisher(ConfirmingPublisher publisher, Func<RecordedEvent, OutgoingMessage?> map, ILogger<EventRelayPublisher> logger, TopologyInitializer? topology = null)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(logger);
        this.publisher = publisher;
        this.map = map;
        this.logger = logger;
        this.topology = topology;
    }

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var messages = new List<OutgoingMessage>(events.Count);
        foreach (var e in events)
        {
            if (map(e) is { } message)
            {
                messages.Add(message);
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        if (topology is not null)
        {
            await topology.WaitAsync(cancellationToken);
        }

        var delay = Backoff.Initial;
        while (true)
        {
            try
            {
                await publisher.PublishAsync(messages, cancellationToken);
                return;
            }
            catch (PublishNotConfirmedException e) when (!cancellationToken.IsCancellationRequested)
            {
                // Republishing the whole batch may duplicate its confirmed part: consumers deduplicate by message id.
                logger.LogWarning("relaying {Count} events from {Position} failed: {Reason}; retrying in {Delay}", messages.Count, events[0].Position, e.Message, delay);
                await Task.Delay(delay, cancellationToken);
                delay = Backoff.Next(delay);
            }
        }
    }
}
