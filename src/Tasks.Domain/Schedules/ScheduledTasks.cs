using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;

namespace Tasks.Domain.Schedules;

/// <summary>How the task a schedule fires is made from the schedule.</summary>
public static class ScheduledTasks
{
    /// <summary>
    /// Builds the command that creates the task of a firing: the schedule's function, data, priority
    /// and tags, created by the schedule's creator, starting at the slot it fired for.
    /// </summary>
    /// <param name="schedule">The schedule (before or after <paramref name="fired"/>).</param>
    /// <param name="fired">The firing.</param>
    /// <param name="functionDefaultPriority">The function's <c>defaultPriority</c> now, used when the schedule gives no priority.</param>
    /// <returns>The <see cref="CreateTask"/> for the new task's stream.</returns>
    public static CreateTask CreateTaskCommand(ScheduleState schedule, ScheduleFired fired, int? functionDefaultPriority)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(fired);
        return new CreateTask(
            fired.TaskId,
            schedule.FunctionName,
            schedule.Data,
            fired.FiredFor,
            schedule.Priority,
            schedule.Tags,
            functionDefaultPriority,
            new Actor(schedule.CreatedByUserId, schedule.CreatedByApplicationId),
            [],
            fired.At);
    }
}
