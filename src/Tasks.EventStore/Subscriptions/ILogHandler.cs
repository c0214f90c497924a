using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Subscriptions;

/// <summary>
/// A subscriber to the global log. Its writes go into the unit of work it is handed, which commits them
/// together with the subscriber's checkpoint: every event takes effect exactly once.
/// </summary>
public interface ILogHandler
{
    /// <summary>The checkpoint's name; unique among subscribers.</summary>
    string Name { get; }

    /// <summary>Handles a batch of events, in log order.</summary>
    Task HandleAsync(IReadOnlyList<RecordedEvent> events, UnitOfWork work, CancellationToken cancellationToken);
}
