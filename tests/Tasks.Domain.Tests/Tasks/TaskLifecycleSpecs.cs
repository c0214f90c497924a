using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Tasks.TaskExamples;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskLifecycleSpecs
{
    [Fact]
    public void Cancelling_a_new_task_makes_it_canceled()
    {
        var cancelled = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCancelled>(Aggregate.Decide(new CancelTask(Alice, Time.At(5)), New()));
        var state = Aggregate.Evolve(New(), cancelled)!;

        Assert.Equal(new TaskCancelled(Alice, Time.At(5)), cancelled);
        Assert.Equal(TaskStatus.Canceled, state.Status);
        Assert.Equal(Time.At(5), state.StatusChangedTimestamp);
        Assert.Equal(Time.At(5), state.UpdateTimestamp);
        Assert.Equal(Time.At(5), state.CanceledTimestamp);
        Assert.True(state.IsTerminal);
    }

    [Fact]
    public void Cancelling_a_started_task_is_rejected()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new CancelTask(Alice, Time.At(5)), InProgress()));

        Assert.Equal(ErrorCodes.IllegalState, error.Code);
        Assert.Equal("inProgress", error.CurrentStatus);
        Assert.Equal("cancel", error.AttemptedAction);
        Assert.Null(error.Field);
    }

    [Fact]
    public void Cancelling_a_task_that_does_not_exist_is_not_found()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, NotFoundError>(Aggregate.Decide(new CancelTask(Alice, Time.At(5)), null));

        Assert.Equal(ErrorCodes.NotFound, error.Code);
        Assert.Equal("task", error.Entity);
    }

    [Fact]
    public void Every_command_but_create_on_a_missing_task_is_not_found()
    {
        foreach (var command in EveryCommand(Time.At(1)).Where(c => c is not CreateTask))
        {
            DecisionAssert.Rejected<ITaskEvent, NotFoundError>(Aggregate.Decide(command, null));
        }
    }

    [Fact]
    public void Starting_a_due_task_puts_it_in_progress_with_a_lease()
    {
        var started = DecisionAssert.AcceptedSingle<ITaskEvent, TaskStarted>(Aggregate.Decide(new StartTask(Time.At(301), Time.At(1)), New()));
        var state = Aggregate.Evolve(New(), started)!;

        Assert.Equal(new TaskStarted(Time.At(301), Time.At(1)), started);
        Assert.Equal(TaskStatus.InProgress, state.Status);
        Assert.Equal(Time.At(1), state.StartedTimestamp);
        Assert.Equal(Time.At(1), state.StatusChangedTimestamp);
        Assert.Equal(Time.At(301), state.LeaseExpiresAt);
    }

    [Fact]
    public void A_task_may_start_exactly_at_its_start_timestamp()
    {
        var state = Given(Create() with { StartTimestamp = Time.At(60) });

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskStarted>(Aggregate.Decide(new StartTask(Time.At(360), Time.At(60)), state));
    }

    [Fact]
    public void Starting_a_task_before_it_is_due_is_rejected()
    {
        var state = Given(Create() with { StartTimestamp = Time.At(60) });

        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new StartTask(Time.At(359), Time.At(59)), state));

        Assert.Equal("new", error.CurrentStatus);
        Assert.Equal("start", error.AttemptedAction);
        Assert.Contains("not due until", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lease_must_expire_after_the_start()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(new StartTask(Time.At(1), Time.At(1)), New()), "leaseExpiresAt");
    }

    [Fact]
    public void Starting_a_task_twice_is_rejected()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new StartTask(Time.At(400), Time.At(2)), InProgress()));

        Assert.Equal("inProgress", error.CurrentStatus);
    }

    [Fact]
    public void Completing_a_task_in_progress_makes_it_complete()
    {
        var completed = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCompleted>(Aggregate.Decide(new CompleteTask("""{"ok":true}""", Time.At(9)), InProgress()));
        var state = Aggregate.Evolve(InProgress(), completed)!;

        Assert.Equal("""{"ok":true}""", completed.ResultJson);
        Assert.Equal(TaskStatus.Complete, state.Status);
        Assert.Equal(Time.At(9), state.CompletedTimestamp);
        Assert.True(state.IsTerminal);
    }

    [Fact]
    public void Completing_a_task_that_has_not_started_is_rejected()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new CompleteTask(null, Time.At(9)), New()));

        Assert.Equal("new", error.CurrentStatus);
        Assert.Equal("complete", error.AttemptedAction);
    }

    [Fact]
    public void A_failure_without_a_retry_policy_makes_the_task_failed()
    {
        var failed = DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(RetryPolicy.Disabled, Time.At(9)), InProgress()));
        var state = Aggregate.Evolve(InProgress(), failed)!;

        Assert.Equal(new TaskError("timeout", "TimeoutError", "took too long"), failed.Error);
        Assert.Equal(TaskStatus.Failed, state.Status);
        Assert.Equal(failed.Error, state.Error);
        Assert.Equal(Time.At(9), state.FailedTimestamp);
        Assert.Null(state.RetriedByTaskId);
    }

    [Fact]
    public void Failing_a_task_that_has_not_started_is_rejected()
    {
        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(Fail(RetryPolicy.Disabled, Time.At(9)), New()));

        Assert.Equal("fail", error.AttemptedAction);
    }

    [Fact]
    public void A_failure_needs_an_error()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Fail(RetryPolicy.Disabled, Time.At(9)) with { Error = null! }, InProgress()), "error");
    }

    [Fact]
    public void An_expired_lease_fails_the_task_as_a_zombie()
    {
        var zombie = new FailTask(TaskError.ZombieTaskCleaned(Time.At(300)), RetryPolicy.Disabled, RetryId, Time.At(301));

        var failed = DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(zombie, InProgress()));

        Assert.Equal("zombieTaskCleaned", failed.Error.Type);
        Assert.Equal(TaskError.ZombieTaskCleanedType, failed.Error.Type);
        Assert.Contains("lease", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_whose_lease_has_not_expired_is_no_zombie()
    {
        var zombie = new FailTask(TaskError.ZombieTaskCleaned(Time.At(300)), RetryPolicy.Disabled, RetryId, Time.At(299));

        var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(zombie, InProgress()));

        Assert.Equal("inProgress", error.CurrentStatus);
        Assert.Contains("lease", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_zombie_may_be_cleaned_exactly_when_its_lease_expires()
    {
        var zombie = new FailTask(TaskError.ZombieTaskCleaned(Time.At(300)), RetryPolicy.Disabled, RetryId, Time.At(300));

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(zombie, InProgress()));
    }

    [Fact]
    public void A_terminal_task_accepts_no_command()
    {
        foreach (var state in AllTerminal())
        {
            foreach (var command in EveryCommand(Time.At(100)).Where(c => c is not CreateTask))
            {
                var error = DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(command, state));
                Assert.Equal(state.Status.ToWireName(), error.CurrentStatus);
            }
        }
    }

    [Fact]
    public void The_decider_knows_which_states_are_terminal()
    {
        Assert.False(Aggregate.IsTerminal(null));
        Assert.False(Aggregate.IsTerminal(New()));
        Assert.False(Aggregate.IsTerminal(InProgress()));
        Assert.All(AllTerminal(), s => Assert.True(Aggregate.IsTerminal(s)));
    }

    [Fact]
    public void Evolving_an_event_onto_a_task_that_was_never_created_is_a_corrupt_stream()
    {
        Assert.Throws<InvalidOperationException>(() => Aggregate.Evolve(null, new TaskStarted(Time.At(300), Time.At(1))));
    }

    [Fact]
    public void Evolving_a_second_creation_is_a_corrupt_stream()
    {
        var created = DecisionAssert.AcceptedSingle<ITaskEvent, TaskCreated>(Aggregate.Decide(Create(), null));

        Assert.Throws<InvalidOperationException>(() => Aggregate.Evolve(New(), created));
    }
}
