using Tasks.Domain.Deciding;
using Tasks.Domain.Identity;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Schedules.ScheduleExamples;

namespace Tasks.Domain.Tests.Schedules;

public sealed class ScheduledTasksSpecs
{
    [Fact]
    public void A_firing_creates_a_task_like_the_schedule_for_the_slot_it_fired_for()
    {
        var schedule = Active();
        var fired = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(Fire(130), schedule));

        var command = ScheduledTasks.CreateTaskCommand(schedule, fired, functionDefaultPriority: 9);

        Assert.Equal(fired.TaskId, command.TaskId);
        Assert.Equal("nightly-report", command.FunctionName);
        Assert.Equal(schedule.Data, command.Data);
        Assert.Equal(Time.At(100), command.StartTimestamp);
        Assert.Equal(2, command.Priority);
        Assert.Equal(["reports"], command.Tags);
        Assert.Equal(new Actor("dave", "ops"), command.CreatedBy);
        Assert.Empty(command.RetryForTaskIds);
        Assert.Equal(Time.At(130), command.At);
    }

    [Fact]
    public void A_schedule_without_a_priority_gives_its_tasks_the_functions_default_at_firing_time()
    {
        var schedule = Given(Create() with { Priority = null });
        var fired = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(Fire(100), schedule));

        var task = TaskDecider.Instance.Fold(TaskDecider.Instance.Decide(ScheduledTasks.CreateTaskCommand(schedule, fired, 9), null).Events);

        Assert.Equal(9, task!.Priority);
        Assert.Equal(TaskStatus.New, task.Status);
    }
}
