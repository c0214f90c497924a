using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;

namespace Tasks.Domain.Schedules;

/// <summary>A command to a schedule (the stream of one schedule).</summary>
public interface IScheduleCommand
{
    /// <summary>When it is issued.</summary>
    DateTimeOffset At { get; }
}

/// <summary>Creates a schedule that creates a task every interval from <paramref name="StartTimestamp"/> on.</summary>
/// <param name="ScheduleId">The schedule's id (its stream id).</param>
/// <param name="FunctionName">The function its tasks run.</param>
/// <param name="Data">The data of its tasks.</param>
/// <param name="Priority">The priority of its tasks; <c>null</c> means the function's default when each task is created.</param>
/// <param name="Tags">The tags of its tasks.</param>
/// <param name="StartTimestamp">The first slot: active from then on.</param>
/// <param name="IntervalSeconds">The interval, <see cref="ScheduleLimits.MinIntervalSeconds"/> to <see cref="ScheduleLimits.MaxIntervalSeconds"/>.</param>
/// <param name="CreatedBy">Who creates it (and so its tasks).</param>
/// <param name="At">When.</param>
public sealed record CreateSchedule(
    Guid ScheduleId,
    string FunctionName,
    TaskData Data,
    int? Priority,
    IReadOnlyList<string> Tags,
    DateTimeOffset StartTimestamp,
    int IntervalSeconds,
    Actor CreatedBy,
    DateTimeOffset At) : IScheduleCommand;

/// <summary>Deletes a schedule; the tasks it created stay.</summary>
/// <param name="By">Who.</param>
/// <param name="At">When.</param>
public sealed record DeleteSchedule(Actor By, DateTimeOffset At) : IScheduleCommand;

/// <summary>
/// Fires a due schedule (<paramref name="At"/> at or after its next slot): it creates one task for the
/// latest slot reached, skipping any slots missed meanwhile.
/// </summary>
/// <param name="TaskId">The id of the task to create.</param>
/// <param name="At">When.</param>
public sealed record FireSchedule(Guid TaskId, DateTimeOffset At) : IScheduleCommand;
