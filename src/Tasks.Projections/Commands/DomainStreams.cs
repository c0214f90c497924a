using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Running;
using Tasks.Projections.Events;

namespace Tasks.Projections.Commands;

/// <summary>The domain's deciders as the event store's command runner sees them.</summary>
public static class DomainStreams
{
    /// <summary>Task streams.</summary>
    public static StreamModel<TaskState?> Task { get; } =
        new(DomainEventTypes.TaskStream, TaskDecider.Instance.Initial, (state, e) => TaskDecider.Instance.Evolve(state, (ITaskEvent)e));

    /// <summary>Function streams.</summary>
    public static StreamModel<FunctionState?> Function { get; } =
        new(DomainEventTypes.FunctionStream, FunctionDecider.Instance.Initial, (state, e) => FunctionDecider.Instance.Evolve(state, (IFunctionEvent)e));

    /// <summary>Schedule streams.</summary>
    public static StreamModel<ScheduleState?> Schedule { get; } =
        new(DomainEventTypes.ScheduleStream, ScheduleDecider.Instance.Initial, (state, e) => ScheduleDecider.Instance.Evolve(state, (IScheduleEvent)e));

    /// <summary>Adapts a domain decision to the runner's shape.</summary>
    public static Decided<DomainError> ToDecided<TEvent>(this Decision<TEvent> decision)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.IsSuccess ? Decided<DomainError>.Accept([.. decision.Events]) : Decided<DomainError>.Reject(decision.Error);
    }
}
