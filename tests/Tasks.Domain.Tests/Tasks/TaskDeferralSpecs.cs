using Tasks.Domain.Deciding;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Tasks.TaskExamples;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskDeferralSpecs
{
    [Fact]
    public void Deferring_a_started_task_makes_it_new_again_due_at_the_retry_time()
    {
        var deferred = DecisionAssert.AcceptedSingle<ITaskEvent, TaskDeferred>(Aggregate.Decide(new DeferTask(Time.At(9), "Rate exceeded", Time.At(4)), InProgress()));
        var state = Aggregate.Evolve(InProgress(), deferred)!;

        Assert.Equal(new TaskDeferred(Time.At(9), "Rate exceeded", Time.At(4)), deferred);
        Assert.Equal(TaskStatus.New, state.Status);
        Assert.Equal(Time.At(9), state.StartTimestamp);
        Assert.Equal(Time.At(4), state.StatusChangedTimestamp);
        Assert.Null(state.LeaseExpiresAt);
        Assert.Equal(0, state.RetryCount);
    }

    [Fact]
    public void A_deferred_task_can_start_again_once_due_but_not_before()
    {
        var deferred = Given(Create(), new StartTask(Time.At(300), Time.At(1)), new DeferTask(Time.At(9), "busy", Time.At(4)));

        DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new StartTask(Time.At(308), Time.At(8)), deferred));
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskStarted>(Aggregate.Decide(new StartTask(Time.At(309), Time.At(9)), deferred));
    }

    [Fact]
    public void Only_a_task_in_progress_can_be_deferred()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new DeferTask(Time.At(9), "busy", Time.At(4)), New()));

        Assert.Equal("defer", error.AttemptedAction);
        DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new DeferTask(Time.At(9), "busy", Time.At(4)), Complete()));
    }

    [Fact]
    public void A_deferral_into_the_past_is_refused()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, ValidationError>(Aggregate.Decide(new DeferTask(Time.At(3), "busy", Time.At(4)), InProgress()));

        Assert.Equal("retryAt", error.Field);
    }
}
