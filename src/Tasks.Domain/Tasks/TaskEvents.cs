using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tasks;

/// <summary>An event of a task's stream.</summary>
public interface ITaskEvent
{
    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}

/// <summary>A task was created (status <c>new</c>), with every default resolved.</summary>
/// <param name="TaskId">The task's id.</param>
/// <param name="FunctionName">The function to run.</param>
/// <param name="Data">The JSON object handed to the function.</param>
/// <param name="StartTimestamp">Not before this time.</param>
/// <param name="Priority">The resolved priority.</param>
/// <param name="Tags">The tags.</param>
/// <param name="CreatedByUserId">The creating user, if any.</param>
/// <param name="CreatedByApplicationId">The creating application, if any.</param>
/// <param name="RetryForTaskIds">The earlier attempts this task retries, oldest first.</param>
/// <param name="At">When.</param>
public sealed record TaskCreated(
    Guid TaskId,
    string FunctionName,
    TaskData Data,
    DateTimeOffset StartTimestamp,
    int Priority,
    EquatableList<string> Tags,
    string? CreatedByUserId,
    string? CreatedByApplicationId,
    EquatableList<Guid> RetryForTaskIds,
    DateTimeOffset At) : ITaskEvent;

/// <summary>A task was canceled (status <c>canceled</c>).</summary>
/// <param name="By">Who canceled it.</param>
/// <param name="At">When.</param>
public sealed record TaskCancelled(Actor By, DateTimeOffset At) : ITaskEvent;

/// <summary>A task was claimed and its function is being invoked (status <c>inProgress</c>).</summary>
/// <param name="LeaseExpiresAt">When the watchdog may fail it.</param>
/// <param name="At">When.</param>
public sealed record TaskStarted(DateTimeOffset LeaseExpiresAt, DateTimeOffset At) : ITaskEvent;

/// <summary>A task's function succeeded (status <c>complete</c>).</summary>
/// <param name="ResultJson">The function's result, if any.</param>
/// <param name="At">When.</param>
public sealed record TaskCompleted(string? ResultJson, DateTimeOffset At) : ITaskEvent;

/// <summary>A task failed for good (status <c>failed</c>); the <c>task_failed</c> message is published for it.</summary>
/// <param name="Error">Why.</param>
/// <param name="At">When.</param>
public sealed record TaskFailed(TaskError Error, DateTimeOffset At) : ITaskEvent;

/// <summary>A task failed and is retried by a new task (status <c>retried</c>); the new task is created separately.</summary>
/// <param name="Error">Why it failed.</param>
/// <param name="RetriedByTaskId">The id of the new task.</param>
/// <param name="RetryAt">When the new task starts.</param>
/// <param name="At">When.</param>
public sealed record TaskRetried(TaskError Error, Guid RetriedByTaskId, DateTimeOffset RetryAt, DateTimeOffset At) : ITaskEvent;

/// <summary>The platform refused to run the task now; it is new again and due at <paramref name="RetryAt"/> (its new start).</summary>
/// <param name="RetryAt">When the task is due again.</param>
/// <param name="Reason">What the platform said.</param>
/// <param name="At">When the refusal came.</param>
public sealed record TaskDeferred(DateTimeOffset RetryAt, string Reason, DateTimeOffset At) : ITaskEvent;
