using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Subscriptions;

/// <summary>
/// The log as the outbox: publishes events from the gap-free log and moves its checkpoint only after
/// the broker confirmed them. A crash between the two publishes the batch again (at least once; consumers
/// deduplicate by event id), and no event is ever skipped, with no outbox row written per event.
/// </summary>
public sealed class LogRelay(string name, IEventPublisher publisher, Func<RecordedEvent, bool> selects) : ILogHandler
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public async Task HandleAsync(IReadOnlyList<RecordedEvent> events, UnitOfWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var selected = events.Where(selects).ToArray();
        if (selected.Length > 0)
        {
            await publisher.PublishAsync(selected, cancellationToken);
        }
    }
}
