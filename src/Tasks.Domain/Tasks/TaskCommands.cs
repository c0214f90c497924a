using Tasks.Domain.Functions;
using Tasks.Domain.Identity;

namespace Tasks.Domain.Tasks;

/// <summary>A command to a task (the stream of one task).</summary>
public interface ITaskCommand
{
    /// <summary>When the command is issued; the domain reads no clock.</summary>
    DateTimeOffset At { get; }
}

/// <summary>Creates a task. A retry is a <see cref="CreateTask"/> too (see <see cref="TaskRetries"/>).</summary>
/// <param name="TaskId">The new task's id (its stream id).</param>
/// <param name="FunctionName">The function to run; required, see <see cref="FunctionName"/>.</param>
/// <param name="Data">The JSON object handed to the function.</param>
/// <param name="StartTimestamp">Not before this time; <c>null</c> means <paramref name="At"/>.</param>
/// <param name="Priority">The priority; <c>null</c> means <paramref name="FunctionDefaultPriority"/>, else 0.</param>
/// <param name="Tags">Tags for search and tracing, see <see cref="TaskTags"/>.</param>
/// <param name="FunctionDefaultPriority">The function's <c>defaultPriority</c>, looked up by the caller.</param>
/// <param name="CreatedBy">Who creates it.</param>
/// <param name="RetryForTaskIds">The earlier attempts this task retries, oldest first; empty for a first attempt.</param>
/// <param name="At">When.</param>
public sealed record CreateTask(
    Guid TaskId,
    string FunctionName,
    TaskData Data,
    DateTimeOffset? StartTimestamp,
    int? Priority,
    IReadOnlyList<string> Tags,
    int? FunctionDefaultPriority,
    Actor CreatedBy,
    IReadOnlyList<Guid> RetryForTaskIds,
    DateTimeOffset At) : ITaskCommand;

/// <summary>Cancels a task; allowed only while it is <c>new</c>.</summary>
/// <param name="By">Who cancels it.</param>
/// <param name="At">When.</param>
public sealed record CancelTask(Actor By, DateTimeOffset At) : ITaskCommand;

/// <summary>Starts a task (its function is about to be invoked); allowed only while <c>new</c> and due.</summary>
/// <param name="LeaseExpiresAt">When the watchdog may fail the task if no outcome was recorded; after <paramref name="At"/>.</param>
/// <param name="At">When.</param>
public sealed record StartTask(DateTimeOffset LeaseExpiresAt, DateTimeOffset At) : ITaskCommand;

/// <summary>Records that the function succeeded; allowed only while <c>inProgress</c>.</summary>
/// <param name="ResultJson">The function's result as returned, if any (not validated: a completed run is recorded whatever it returned).</param>
/// <param name="At">When.</param>
public sealed record CompleteTask(string? ResultJson, DateTimeOffset At) : ITaskCommand;

/// <summary>
/// Records that the function failed (or, with <see cref="TaskError.ZombieTaskCleaned"/>, that its lease
/// expired); allowed only while <c>inProgress</c>. Becomes <see cref="TaskRetried"/> when
/// <paramref name="Policy"/> applies, else <see cref="TaskFailed"/>.
/// </summary>
/// <param name="Error">The error.</param>
/// <param name="Policy">The function's retry policy at the time of failure.</param>
/// <param name="RetryTaskId">The id the retry task gets if there is one (ids are inputs, not generated here).</param>
/// <param name="At">When.</param>
public sealed record FailTask(TaskError Error, RetryPolicy Policy, Guid RetryTaskId, DateTimeOffset At) : ITaskCommand;

/// <summary>
/// Puts a started task back in the queue because the platform refused to run it now (for example AWS Lambda's 429):
/// not a failure, so no retry is spent; the task is due again at <paramref name="RetryAt"/>.
/// </summary>
/// <param name="RetryAt">When the task is due again.</param>
/// <param name="Reason">What the platform said.</param>
/// <param name="At">When the refusal came.</param>
public sealed record DeferTask(DateTimeOffset RetryAt, string Reason, DateTimeOffset At) : ITaskCommand;
