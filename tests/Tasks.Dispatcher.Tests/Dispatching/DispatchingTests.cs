using System.Text.Json;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Leases;
using Tasks.Dispatcher.Queue;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;
using Tasks.Projections.Commands;
using TaskStatus = Tasks.Domain.Tasks.TaskStatus;

namespace Tasks.Dispatcher.Tests.Dispatching;

public sealed class DispatchingTests
{
    private static readonly ConcurrencyLimits NoLimits = new(1_000, new Dictionary<string, int>());

    [Fact]
    public async Task Due_tasks_are_claimed_highest_priority_first_then_earliest_start()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("work");
        var now = DateTimeOffset.UtcNow;
        var lowEarly = await db.CreateTaskAsync("work", priority: 1, start: now.AddMinutes(-10));
        var highLate = await db.CreateTaskAsync("work", priority: 5, start: now.AddMinutes(-1));
        var highEarly = await db.CreateTaskAsync("work", priority: 5, start: now.AddMinutes(-5));
        var notDue = await db.CreateTaskAsync("work", priority: 9, start: now.AddHours(1));

        var claimed = await db.Claimer().ClaimAsync(10, now.AddSeconds(1), NoLimits, default);

        Assert.Equal([highEarly, highLate, lowEarly], claimed.Select(c => c.TaskId));
        Assert.DoesNotContain(notDue, claimed.Select(c => c.TaskId));
    }

    [Fact]
    public async Task A_claim_starts_its_tasks_with_leases_and_takes_them_out_of_the_queue()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("work", timeLimit: 20);
        var id = await db.CreateTaskAsync("work", start: DateTimeOffset.UtcNow.AddSeconds(-1));
        var claimer = db.Claimer(new LeasePolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));
        var now = DateTimeOffset.UtcNow;

        var first = await claimer.ClaimAsync(10, now, NoLimits, default);
        var second = await claimer.ClaimAsync(10, now.AddMinutes(10), NoLimits, default);

        var claimed = Assert.Single(first);
        Assert.Equal(id, claimed.TaskId);
        Assert.Equal(now.AddSeconds(50), claimed.LeaseExpiresAt);
        Assert.Empty(second);
        var (state, version) = await db.Runner.LoadAsync(id, Projections.Commands.DomainStreams.Task);
        Assert.Equal(TaskStatus.InProgress, state!.Status);
        Assert.Equal(claimed.StartedVersion, version);
        Assert.Equal(now.AddSeconds(50), state.LeaseExpiresAt);
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM dispatch_queue"));
        Assert.Equal(1, await db.CountAsync("SELECT count(*) FROM tasks WHERE status = 'inProgress' AND lease_expires_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_function_at_its_concurrency_limit_gets_no_more_claims_and_the_global_limit_holds()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("narrow");
        await db.RegisterFunctionAsync("wide");
        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var narrow = new List<Guid>();
        var wide = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            if (i < 3)
            {
                narrow.Add(await db.CreateTaskAsync("narrow", start: start.AddSeconds(2 * i)));
            }

            wide.Add(await db.CreateTaskAsync("wide", start: start.AddSeconds((2 * i) + 1)));
        }

        var limits = new ConcurrencyLimits(5, new Dictionary<string, int> { ["narrow"] = 1 });
        var now = DateTimeOffset.UtcNow;

        // narrow 1, wide 1, narrow 2 (over its limit: stays queued), then the batch fills with wide 2.
        var first = await db.Claimer().ClaimAsync(3, now, limits, default);
        // Three run, so the global limit of 5 leaves room for two: wide 3 and 4; wide 5 waits.
        var second = await db.Claimer().ClaimAsync(10, now, limits, default);

        Assert.Equal([narrow[0], wide[0], wide[1]], first.Select(c => c.TaskId));
        Assert.Equal([wide[2], wide[3]], second.Select(c => c.TaskId));
        Assert.Equal(3, await db.CountAsync("SELECT count(*) FROM dispatch_queue"));
    }

    [Fact]
    public async Task Tasks_of_a_disabled_function_stay_new_until_it_is_enabled()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("paused", enabled: false);
        var id = await db.CreateTaskAsync("paused", start: DateTimeOffset.UtcNow.AddSeconds(-1));
        var claimer = db.Claimer();
        var now = DateTimeOffset.UtcNow;

        var whileDisabled = await claimer.ClaimAsync(10, now, NoLimits, default);
        await db.RunFunctionAsync("paused", new EnableFunction(Actor.System, DateTimeOffset.UtcNow));
        var afterEnabling = await claimer.ClaimAsync(10, now, NoLimits, default);

        Assert.Empty(whileDisabled);
        Assert.Equal([id], afterEnabling.Select(c => c.TaskId));
    }

    [Fact]
    public async Task A_due_task_runs_with_the_documented_event_and_completes_with_the_result()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("echo");
        var invoker = new RecordingInvoker(request => Task.FromResult<InvocationOutcome>(new InvocationSucceeded(request.EventJson, [new InvocationLogLine(DateTimeOffset.UtcNow, "hello")])));
        var id = await db.CreateTaskAsync("echo", priority: 3);
        var (dispatcher, _) = db.Dispatcher(invoker);

        await dispatcher.StartAsync(default);
        var state = await db.WaitForAsync(id, s => s.Status == TaskStatus.Complete);
        await dispatcher.StopAsync(default);

        var invocation = Assert.Single(invoker.Invocations);
        using var e = JsonDocument.Parse(invocation.EventJson);
        Assert.Equal(1, e.RootElement.GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal(id.ToString(), e.RootElement.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal("echo", e.RootElement.GetProperty("task").GetProperty("functionName").GetString());
        Assert.Equal(3, e.RootElement.GetProperty("task").GetProperty("priority").GetInt32());
        Assert.Equal(1, e.RootElement.GetProperty("task").GetProperty("attempt").GetInt32());
        Assert.NotNull(state.CompletedTimestamp);
        Assert.Equal(1, await db.CountAsync($"SELECT count(*) FROM task_logs WHERE task_id = '{id}' AND message = 'hello'"));
        Assert.Equal(0, await db.CountAsync($"SELECT count(*) FROM dispatch_queue WHERE task_id = '{id}'"));
    }

    [Fact]
    public async Task Cancelling_before_the_start_never_invokes()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("later");
        var id = await db.CreateTaskAsync("later", start: DateTimeOffset.UtcNow.AddSeconds(1));
        var cancel = new CancelTask(Actor.System, DateTimeOffset.UtcNow);
        var result = await db.Runner.RunAsync(id, Projections.Commands.DomainStreams.Task, s => TaskDecider.Instance.Decide(cancel, s).ToDecided(), EventStore.Streams.EventMetadata.None);
        Assert.Null(result.Rejection);
        var invoker = new RecordingInvoker();
        var (dispatcher, _) = db.Dispatcher(invoker);

        await dispatcher.StartAsync(default);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await dispatcher.StopAsync(default);

        Assert.Empty(invoker.Invocations);
        Assert.Equal(TaskStatus.Canceled, (await db.TaskAsync(id)).Status);
    }

    [Fact]
    public async Task A_failure_the_policy_covers_is_retried_at_most_three_times_with_linked_tasks()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("flaky", retry: new RetryPolicy(true, new EquatableList<string>(["Boom"])));
        var invoker = new RecordingInvoker(_ => Task.FromResult<InvocationOutcome>(new InvocationFailed(new TaskError("Boom", "Boom", "it broke"), [])));
        var first = await db.CreateTaskAsync("flaky");
        var (dispatcher, _) = db.Dispatcher(invoker);

        await dispatcher.StartAsync(default);
        var original = await db.WaitForAsync(first, s => s.Status == TaskStatus.Retried, TimeSpan.FromSeconds(10));
        var retry1 = await db.WaitForAsync(original.RetriedByTaskId!.Value, s => s.Status == TaskStatus.Retried, TimeSpan.FromSeconds(15));
        var retry2 = await db.WaitForAsync(retry1.RetriedByTaskId!.Value, s => s.Status == TaskStatus.Retried, TimeSpan.FromSeconds(20));
        var retry3 = await db.WaitForAsync(retry2.RetriedByTaskId!.Value, s => s.Status == TaskStatus.Failed, TimeSpan.FromSeconds(25));
        await dispatcher.StopAsync(default);

        Assert.Equal([first, original.RetriedByTaskId!.Value, retry1.RetriedByTaskId!.Value], retry3.RetryForTaskIds);
        Assert.Equal("Boom", retry3.Error!.Type);
        Assert.Equal(4, invoker.Invocations.Count);
        Assert.Equal([1, 2, 3, 4], invoker.Invocations.Select(i => JsonDocument.Parse(i.EventJson).RootElement.GetProperty("task").GetProperty("attempt").GetInt32()).Order());
    }

    [Fact]
    public async Task A_throttled_run_is_not_a_failure_the_task_is_due_again_and_then_completes()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("busy");
        var calls = 0;
        var invoker = new RecordingInvoker(_ => Task.FromResult<InvocationOutcome>(Interlocked.Increment(ref calls) == 1
            ? new InvocationThrottled(TimeSpan.FromMilliseconds(500), "Rate exceeded")
            : new InvocationSucceeded("{}", [])));
        var id = await db.CreateTaskAsync("busy");
        var (dispatcher, _) = db.Dispatcher(invoker);

        await dispatcher.StartAsync(default);
        var state = await db.WaitForAsync(id, s => s.Status == TaskStatus.Complete);
        await dispatcher.StopAsync(default);

        Assert.Equal(2, invoker.Invocations.Count);
        Assert.Null(state.Error);
        Assert.Empty(state.RetryForTaskIds);
        Assert.Equal(1, await db.CountAsync($"SELECT count(*) FROM events WHERE stream_id = '{id}' AND type = 'task-deferred'"));
        Assert.Equal(2, await db.CountAsync($"SELECT count(*) FROM events WHERE stream_id = '{id}' AND type = 'task-started'"));
    }

    [Fact]
    public async Task A_run_that_never_reports_is_failed_as_a_zombie_once_its_lease_expires()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("stuck", timeLimit: 3);
        var hang = new TaskCompletionSource<InvocationOutcome>();
        var invoker = new RecordingInvoker(_ => hang.Task);
        var id = await db.CreateTaskAsync("stuck");
        var options = new DispatcherOptions
        {
            Runtime = "test",
            LeaseGrace = TimeSpan.Zero,
            MaxLease = TimeSpan.FromSeconds(2),
            PollInterval = TimeSpan.FromMilliseconds(100),
            WatchdogInterval = TimeSpan.FromMilliseconds(200),
            ShutdownGrace = TimeSpan.FromMilliseconds(100),
        };
        var (dispatcher, watchdog) = db.Dispatcher(invoker, options);

        await dispatcher.StartAsync(default);
        await watchdog.StartAsync(default);
        var state = await db.WaitForAsync(id, s => s.Status == TaskStatus.Failed, TimeSpan.FromSeconds(10));
        await watchdog.StopAsync(default);
        await dispatcher.StopAsync(default);
        hang.SetResult(new InvocationSucceeded(null, []));

        Assert.Equal(TaskError.ZombieTaskCleanedType, state.Error!.Type);
        Assert.True(state.FailedTimestamp >= state.LeaseExpiresAt);
    }

    [Fact]
    public async Task Two_dispatchers_on_the_same_backlog_never_start_a_task_twice()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await db.RegisterFunctionAsync("bulk");
        const int Count = 10_000;
        for (var unit = 0; unit < Count / 1_000; unit++)
        {
            var work = db.Store.BeginUnitOfWork();
            for (var i = 0; i < 1_000; i++)
            {
                var id = EventStore.Ids.TimeOrderedId.New();
                var created = TaskDecider.Instance.Decide(new CreateTask(id, "bulk", TaskData.Empty, DateTimeOffset.UtcNow.AddSeconds(-1), i % 10, [], null, Actor.System, [], DateTimeOffset.UtcNow), null);
                work.Append(id, Projections.Events.DomainEventTypes.TaskStream, EventStore.Streams.ExpectedVersion.NoStream, [.. created.Events], EventStore.Streams.EventMetadata.None);
            }

            await work.CommitAsync();
        }
        var invoker = new RecordingInvoker();
        var options = new DispatcherOptions { Runtime = "test", GlobalConcurrency = 10_000, MaxInFlight = 200, ClaimBatch = 100, PollInterval = TimeSpan.FromMilliseconds(50) };
        var (one, _) = db.Dispatcher(invoker, options);
        var (two, _) = db.Dispatcher(invoker, options);

        await one.StartAsync(default);
        await two.StartAsync(default);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (await db.CountAsync("SELECT count(*) FROM tasks WHERE status = 'complete'") < Count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        await one.StopAsync(default);
        await two.StopAsync(default);

        Assert.Equal(Count, await db.CountAsync("SELECT count(*) FROM tasks WHERE status = 'complete'"));
        Assert.Equal(Count, invoker.Invocations.Count);
        Assert.Equal(Count, invoker.Invocations.Select(i => i.TaskId).Distinct().Count());
        Assert.Equal(Count, await db.CountAsync("SELECT count(*) FROM events WHERE type = 'task-started'"));
    }
}
