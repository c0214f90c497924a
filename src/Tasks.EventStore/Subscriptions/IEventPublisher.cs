using Tasks.EventStore.Streams;

namespace Tasks.EventStore.Subscriptions;

/// <summary>Sends events to a broker and returns only once the broker has confirmed every one of them.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="events"/> in order; throws if any is not confirmed.</summary>
    Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken);
}
