using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.GraphQL.TypeSystem;
using Tasks.Projections.Commands;

namespace Tasks.Api.Tasks;

/// <summary>A task's past, read from its stream in the log: every event, or the task as it was at an instant.</summary>
public sealed class TaskHistory(EventStore.EventStore store)
{
    /// <summary>Every event of the task, oldest first (empty for an unknown task).</summary>
    public async Task<IReadOnlyList<TaskEventView>> EventsAsync(Guid taskId, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(taskId, cancellationToken: cancellationToken);
        return [.. events.Select(ToView)];
    }

    /// <summary>The task folded from its events recorded at or before <paramref name="at"/>; null when it did not exist yet.</summary>
    public async Task<TaskView?> AsOfAsync(Guid taskId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(taskId, asOf: at, cancellationToken: cancellationToken);
        if (events.Count == 0 || events[0].StreamType != DomainStreams.Task.StreamType)
        {
            return null;
        }

        var state = events.Aggregate(DomainStreams.Task.Initial, (current, e) => DomainStreams.Task.Evolve(current, e.Data));
        return state is null ? null : TaskViews.From(state, events[^1].Version);
    }

    /// <summary>The view of one recorded task event.</summary>
    public TaskEventView ToView(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var (_, json) = store.Types.Serialize(recorded.Data);
        return new TaskEventView(
            recorded.Type,
            recorded.StreamId,
            recorded.Version,
            recorded.RecordedAt,
            ActorView.Of(recorded.Metadata.ActorUserId, recorded.Metadata.ActorApplicationId),
            recorded.Metadata.CorrelationId,
            recorded.Metadata.CausationId,
            new RawJson(json));
    }

    /// <summary>Whether a recorded event belongs to a task stream.</summary>
    public static bool IsTaskEvent(RecordedEvent recorded) => recorded?.Data is ITaskEvent;
}
