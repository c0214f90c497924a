using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;

namespace Tasks.Domain.Schedules;

/// <summary>An event of a schedule's stream.</summary>
public interface IScheduleEvent
{
    /// <summary>When it happened.</summary>
    DateTimeOffset At { get; }
}

/// <summary>A schedule was created; its first slot is <paramref name="StartTimestamp"/>.</summary>
/// <param name="ScheduleId">The schedule's id.</param>
/// <param name="FunctionName">The function its tasks run.</param>
/// <param name="Data">The data of its tasks.</param>
/// <param name="Priority">The priority of its tasks, or <c>null</c> for the function's default.</param>
/// <param name="Tags">The tags of its tasks.</param>
/// <param name="StartTimestamp">The first slot.</param>
/// <param name="IntervalSeconds">The interval.</param>
/// <param name="CreatedByUserId">The creating user, if any.</param>
/// <param name="CreatedByApplicationId">The creating application, if any.</param>
/// <param name="At">When.</param>
public sealed record ScheduleCreated(
    Guid ScheduleId,
    string FunctionName,
    TaskData Data,
    int? Priority,
    EquatableList<string> Tags,
    DateTimeOffset StartTimestamp,
    int IntervalSeconds,
    string? CreatedByUserId,
    string? CreatedByApplicationId,
    DateTimeOffset At) : IScheduleEvent;

/// <summary>A schedule was deleted.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record ScheduleDeleted(Actor By, DateTimeOffset At) : IScheduleEvent;

/// <summary>A schedule fired: task <paramref name="TaskId"/> is to be created for slot <paramref name="FiredFor"/>.</summary>
/// <param name="TaskId">The task to create (see <see cref="ScheduledTasks.CreateTaskCommand"/>).</param>
/// <param name="FiredFor">The slot it fired for: the latest slot at or before <paramref name="At"/>.</param>
/// <param name="NextTimestamp">The next slot: the first strictly after <paramref name="At"/>.</param>
/// <param name="At">When.</param>
public sealed record ScheduleFired(Guid TaskId, DateTimeOffset FiredFor, DateTimeOffset NextTimestamp, DateTimeOffset At) : IScheduleEvent;
