using Tasks.Dispatcher.Tests.Dispatching;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.Projections;
using Tasks.Projections.Events;
using Tasks.TestSupport.Lambda;
using TaskStatus = Tasks.Domain.Tasks.TaskStatus;

namespace Tasks.Dispatcher.Tests.Worker;

/// <summary>The standalone worker process (<c>dotnet Tasks.Dispatcher.dll</c>): it runs tasks alone, scales out, refuses bad configuration and stops gracefully.</summary>
public sealed class StandaloneWorkerTests
{
    // Generous: a worker is a fresh .NET process on a shared, busy machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_standalone_worker_completes_a_due_task()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await using var lambda = await FakeLambdaServer.StartAsync();
        var function = lambda.AddFunction("greeter").Returns("{\"greeting\":\"hello\"}");
        await db.RegisterFunctionAsync("greeter");
        var id = await db.CreateTaskAsync("greeter");

        await using var worker = WorkerProcess.Start(WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambda));
        var state = await db.WaitForAsync(id, s => s.Status is TaskStatus.Complete or TaskStatus.Failed, Patience);

        Assert.Equal(TaskStatus.Complete, state.Status);
        var invoked = Assert.Single(function.Events);
        Assert.Contains(id.ToString(), invoked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_task_created_while_a_standalone_worker_waits_is_run_by_it()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await using var lambda = await FakeLambdaServer.StartAsync();
        lambda.AddFunction("greeter");
        await db.RegisterFunctionAsync("greeter");
        await using var worker = WorkerProcess.Start(WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambda));
        await worker.WaitForOutputAsync(WorkerProcess.Started, Patience);

        // Created by another process's command runner: the worker hears of it through NOTIFY (or its poll).
        var id = await db.CreateTaskAsync("greeter");

        Assert.Equal(TaskStatus.Complete, (await db.WaitForAsync(id, s => s.Status is TaskStatus.Complete or TaskStatus.Failed, Patience)).Status);
    }

    [Fact]
    public async Task Two_standalone_workers_drain_a_backlog_together_without_starting_any_task_twice()
    {
        const int Count = 100;
        await using var db = await DispatchDatabase.CreateAsync();
        // One fake Lambda per worker, to see that both took part; each invocation takes a while, so neither drains it alone at once.
        await using var lambdaA = await FakeLambdaServer.StartAsync();
        await using var lambdaB = await FakeLambdaServer.StartAsync();
        var functionA = lambdaA.AddFunction("bulk").Delays(TimeSpan.FromMilliseconds(100));
        var functionB = lambdaB.AddFunction("bulk").Delays(TimeSpan.FromMilliseconds(100));
        await db.RegisterFunctionAsync("bulk");
        await using var workerA = WorkerProcess.Start(Few(WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambdaA)));
        await using var workerB = WorkerProcess.Start(Few(WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambdaB)));
        await workerA.WaitForOutputAsync(WorkerProcess.Started, Patience);
        await workerB.WaitForOutputAsync(WorkerProcess.Started, Patience);

        var work = db.Store.BeginUnitOfWork();
        for (var i = 0; i < Count; i++)
        {
            var id = TimeOrderedId.New();
            var created = TaskDecider.Instance.Decide(new CreateTask(id, "bulk", TaskData.Empty, null, 0, [], null, Actor.System, [], DateTimeOffset.UtcNow), null);
            work.Append(id, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [.. created.Events], EventMetadata.None);
        }

        await work.CommitAsync();
        await db.WaitForCountAsync("SELECT count(*) FROM tasks WHERE status = 'complete'", Count, TimeSpan.FromSeconds(120));

        Assert.Equal(Count, await db.CountAsync("SELECT count(*) FROM events WHERE type = 'task-started'"));
        Assert.Equal(Count, await db.CountAsync("SELECT count(DISTINCT stream_id) FROM events WHERE type = 'task-started'"));
        Assert.Equal(Count, functionA.Events.Count + functionB.Events.Count);
        Assert.NotEmpty(functionA.Events);
        Assert.NotEmpty(functionB.Events);

        static Dictionary<string, string> Few(Dictionary<string, string> settings)
        {
            settings["Dispatcher__MaxInFlight"] = "4";
            return settings;
        }
    }

    [Fact]
    public async Task Workers_started_at_once_on_an_empty_database_apply_the_schema_once_and_all_start()
    {
        await using var db = await DispatchDatabase.CreateAsync(migrated: false);
        await using var lambda = await FakeLambdaServer.StartAsync();
        var settings = WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambda);
        await using var first = WorkerProcess.Start(settings);
        await using var second = WorkerProcess.Start(settings);
        await using var third = WorkerProcess.Start(settings);

        await first.WaitForOutputAsync(WorkerProcess.Started, Patience);
        await second.WaitForOutputAsync(WorkerProcess.Started, Patience);
        await third.WaitForOutputAsync(WorkerProcess.Started, Patience);

        Assert.Equal(TaskEventStore.Migrations.Count, await db.CountAsync("SELECT count(*) FROM schema_migrations"));
        var applied = string.Join('\n', first.Output, second.Output, third.Output);
        Assert.Equal(TaskEventStore.Migrations.Count, applied.Split("applied migration").Length - 1);
    }

    [Fact]
    public async Task A_worker_without_a_connection_string_refuses_to_start_and_says_why()
    {
        await using var worker = WorkerProcess.Start(new Dictionary<string, string> { ["Dispatcher__Runtime"] = "lambda" });

        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.Equal(Hosting.WorkerProgram.ConfigurationError, exitCode);
        Assert.Contains("ConnectionStrings:Postgres is not set", worker.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("lamda")]
    public async Task A_worker_whose_runtime_cannot_run_tasks_refuses_to_start_and_says_why(string runtime)
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await using var worker = WorkerProcess.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = db.DataSource.ConnectionString!,
            ["Dispatcher__Runtime"] = runtime,
        });

        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.Equal(Hosting.WorkerProgram.ConfigurationError, exitCode);
        Assert.Contains($"Dispatcher:Runtime is '{runtime}'", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_lets_an_in_flight_task_finish_before_the_worker_exits()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        await using var lambda = await FakeLambdaServer.StartAsync();
        using var release = new ManualResetEventSlim();
        // The invocation holds until the test lets it go, after the worker has begun to stop.
        var function = lambda.AddFunction("slow").Responds(_ =>
        {
            release.Wait(Patience);
            return FakeLambdaResponse.Result("{\"done\":true}");
        });
        await db.RegisterFunctionAsync("slow");
        var id = await db.CreateTaskAsync("slow");
        await using var worker = WorkerProcess.Start(WorkerProcess.LambdaSettings(db.DataSource.ConnectionString!, lambda));
        await db.WaitForAsync(id, s => s.Status == TaskStatus.InProgress, Patience);
        for (var deadline = DateTimeOffset.UtcNow + Patience; function.Events.Count == 0; await Task.Delay(50))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the function was not invoked");
        }

        worker.Terminate();
        await worker.WaitForOutputAsync("Application is shutting down", Patience);
        release.Set();
        var exitCode = await worker.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
        Assert.Equal(TaskStatus.Complete, (await db.TaskAsync(id)).Status);
        Assert.Single(function.Events);
        Assert.Contains("Worker stopped", worker.Output, StringComparison.Ordinal);
    }
}
