using Tasks.EventStore.Serialization;

namespace Tasks.Projections.Events;

/// <summary>
/// The stored names of every domain event. These names are a contract with the log: they never
/// change when a class is renamed. A change of shape bumps the schema version and adds an upcaster.
/// </summary>
public static class DomainEventTypes
{
    /// <summary>The stream type of tasks.</summary>
    public const string TaskStream = "task";

    /// <summary>The stream type of functions.</summary>
    public const string FunctionStream = "function";

    /// <summary>The stream type of schedules.</summary>
    public const string ScheduleStream = "schedule";

    /// <summary>A registry of every domain event type.</summary>
    public static EventTypeRegistry CreateRegistry()
    {
        var json = DomainEventsJson.Default;
        return new EventTypeRegistry()
            .Register("task-created", json.TaskCreated)
            .Register("task-cancelled", json.TaskCancelled)
            .Register("task-started", json.TaskStarted)
            .Register("task-completed", json.TaskCompleted)
            .Register("task-failed", json.TaskFailed)
            .Register("task-retried", json.TaskRetried)
            .Register("task-deferred", json.TaskDeferred)
            .Register("function-registered", json.FunctionRegistered)
            .Register("function-updated", json.FunctionUpdated)
            .Register("function-enabled", json.FunctionEnabled)
            .Register("function-disabled", json.FunctionDisabled)
            .Register("function-deleted", json.FunctionDeleted)
            .Register("schedule-created", json.ScheduleCreated)
            .Register("schedule-deleted", json.ScheduleDeleted)
            .Register("schedule-fired", json.ScheduleFired);
    }
}
