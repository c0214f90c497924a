using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Tasks.TaskExamples;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskRetrySpecs
{
    private static readonly RetryPolicy RetryAll = new(true);

    [Fact]
    public void A_failure_covered_by_the_retry_policy_makes_the_task_retried()
    {
        var retried = DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(Fail(RetryAll, Time.At(9)), InProgress()));
        var state = Aggregate.Evolve(InProgress(), retried)!;

        Assert.Equal(new TaskRetried(new TaskError("timeout", "TimeoutError", "took too long"), RetryId, Time.At(11), Time.At(9)), retried);
        Assert.Equal(TaskStatus.Retried, state.Status);
        Assert.Equal(RetryId, state.RetriedByTaskId);
        Assert.Equal(Time.At(11), state.RetryAt);
        Assert.Equal(Time.At(9), state.RetriedTimestamp);
        Assert.Equal(retried.Error, state.Error);
        Assert.True(state.IsTerminal);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    public void Retries_wait_2_then_5_then_10_seconds(int earlierAttempts, int delaySeconds)
    {
        var state = InProgressAfter(earlierAttempts);

        var retried = DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(Fail(RetryAll, Time.At(100)), state));

        Assert.Equal(Time.At(100 + delaySeconds), retried.RetryAt);
    }

    [Fact]
    public void After_three_retries_the_task_fails_for_good()
    {
        var state = InProgressAfter(3);

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(RetryAll, Time.At(100)), state));
    }

    [Fact]
    public void Only_listed_error_types_are_retried()
    {
        var policy = new RetryPolicy(true, ["timeout", "throttled"]);

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(Fail(policy, Time.At(9), "throttled"), InProgress()));
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(policy, Time.At(9), "crash"), InProgress()));
    }

    [Fact]
    public void Error_types_match_exactly()
    {
        var policy = new RetryPolicy(true, ["timeout"]);

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(policy, Time.At(9), "Timeout"), InProgress()));
    }

    [Fact]
    public void A_disabled_policy_retries_nothing_even_with_listed_types()
    {
        var policy = new RetryPolicy(false, ["timeout"]);

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(policy, Time.At(9)), InProgress()));
    }

    [Fact]
    public void A_missing_policy_retries_nothing()
    {
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(null!, Time.At(9)), InProgress()));
    }

    [Fact]
    public void A_zombie_is_retried_when_the_policy_covers_every_error()
    {
        var zombie = new FailTask(TaskError.ZombieTaskCleaned(Time.At(300)), RetryAll, RetryId, Time.At(301));

        DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(zombie, InProgress()));
    }

    [Fact]
    public void A_retry_needs_a_new_task_id()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Fail(RetryAll, Time.At(9)) with { RetryTaskId = Guid.Empty }, InProgress()), "retryTaskId");
        DecisionAssert.RejectedFor(Aggregate.Decide(Fail(RetryAll, Time.At(9)) with { RetryTaskId = TaskId }, InProgress()), "retryTaskId");
    }

    [Fact]
    public void A_failure_that_is_not_retried_needs_no_retry_id()
    {
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(RetryPolicy.Disabled, Time.At(9)) with { RetryTaskId = Guid.Empty }, InProgress()));
    }

    [Fact]
    public void The_retry_task_copies_the_failed_task_and_links_back_to_it()
    {
        var failed = Given(Create() with { Priority = 4, Tags = ["x", "y"] }, new StartTask(Time.At(300), Time.At(1)));
        var retried = DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(Fail(RetryAll, Time.At(9)), failed));

        var command = TaskRetries.CreateRetryCommand(failed, retried);

        Assert.Equal(RetryId, command.TaskId);
        Assert.Equal(failed.FunctionName, command.FunctionName);
        Assert.Equal(failed.Data, command.Data);
        Assert.Equal(Time.At(11), command.StartTimestamp);
        Assert.Equal(4, command.Priority);
        Assert.Equal(["x", "y"], command.Tags);
        Assert.Equal(Alice, command.CreatedBy);
        Assert.Equal([TaskId], command.RetryForTaskIds);
        Assert.Equal(Time.At(9), command.At);
    }

    [Fact]
    public void The_retry_task_is_a_valid_new_task_that_runs_after_the_delay()
    {
        var failed = InProgress();
        var retried = DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(Aggregate.Decide(Fail(RetryAll, Time.At(9)), failed));

        var retry = Given(TaskRetries.CreateRetryCommand(failed, retried));

        Assert.Equal(TaskStatus.New, retry.Status);
        Assert.Equal(1, retry.RetryCount);
        Assert.Equal(Time.At(11), retry.StartTimestamp);
        DecisionAssert.Rejected<ITaskEvent, IllegalStateError>(Aggregate.Decide(new StartTask(Time.At(300), Time.At(10)), retry));
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskStarted>(Aggregate.Decide(new StartTask(Time.At(300), Time.At(11)), retry));
    }

    [Fact]
    public void A_chain_of_retries_links_every_earlier_attempt_and_stops_after_three()
    {
        var ids = new List<Guid> { TaskId };
        var attempt = Given(Create(), new StartTask(Time.At(300), Time.At(1)));
        var clock = 10;
        for (var retry = 0; retry < RetryPolicy.MaxRetries; retry++)
        {
            var retryId = Guid.NewGuid();
            var retried = DecisionAssert.AcceptedSingle<ITaskEvent, TaskRetried>(
                Aggregate.Decide(Fail(RetryAll, Time.At(clock)) with { RetryTaskId = retryId }, attempt));
            var next = TaskRetries.CreateRetryCommand(Aggregate.Evolve(attempt, retried)!, retried);
            Assert.Equal(ids, next.RetryForTaskIds);
            ids.Add(retryId);
            clock += 20;
            attempt = Given(next, new StartTask(Time.At(clock + 300), Time.At(clock)));
        }

        Assert.Equal(3, attempt.RetryCount);
        DecisionAssert.AcceptedSingle<ITaskEvent, TaskFailed>(Aggregate.Decide(Fail(RetryAll, Time.At(clock + 1)), attempt));
    }

    private static TaskState InProgressAfter(int earlierAttempts)
    {
        var earlier = Enumerable.Range(0, earlierAttempts).Select(_ => Guid.NewGuid()).ToList();
        return Given(Create() with { RetryForTaskIds = earlier }, new StartTask(Time.At(300), Time.At(1)));
    }
}
