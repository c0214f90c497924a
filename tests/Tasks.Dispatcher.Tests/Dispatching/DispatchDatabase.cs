using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Leases;
using Tasks.Dispatcher.Queue;
using Tasks.Dispatcher.Running;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections;
using Tasks.Projections.Commands;
using Tasks.Projections.Logs;
using Tasks.TestSupport.Postgres;

namespace Tasks.Dispatcher.Tests.Dispatching;

/// <summary>A fresh database with the whole schema, the task store, and shortcuts to register functions and create tasks.</summary>
public sealed class DispatchDatabase : IAsyncDisposable
{
    private readonly List<CompletionBatcher> batchers = [];

    private DispatchDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Signal = new LogSignal();
        Store = TaskEventStore.Create(dataSource, Signal);
        Runner = new CommandRunner(Store);
    }

    public NpgsqlDataSource DataSource { get; }

    public LogSignal Signal { get; }

    public EventStore.EventStore Store { get; }

    public CommandRunner Runner { get; }

    /// <summary>A fresh database, with the schema applied unless <paramref name="migrated"/> is false (for hosts that apply it themselves).</summary>
    public static async Task<DispatchDatabase> CreateAsync(bool migrated = true)
    {
        var server = await PostgresServer.InstanceAsync();
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("dispatch"));
        if (migrated)
        {
            await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations);
        }

        return new DispatchDatabase(dataSource);
    }

    public async Task RegisterFunctionAsync(string name, int timeLimit = 30, RetryPolicy? retry = null, bool enabled = true)
    {
        var definition = new FunctionDefinition { Name = name, EntryPoint = "index.handler", Runtime = "nodejs22.x", TimeLimit = timeLimit, RetryPolicy = retry ?? RetryPolicy.Disabled, Enabled = enabled };
        var command = new RegisterFunction(definition, Actor.System, DateTimeOffset.UtcNow);
        var result = await Runner.RunAsync(FunctionStreamId.For(name), DomainStreams.Function, s => FunctionDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None);
        Assert.Null(result.Rejection);
    }

    public async Task RunFunctionAsync(string name, IFunctionCommand command)
    {
        var result = await Runner.RunAsync(FunctionStreamId.For(name), DomainStreams.Function, s => FunctionDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None);
        Assert.Null(result.Rejection);
    }

    public async Task<Guid> CreateTaskAsync(string function, int priority = 0, DateTimeOffset? start = null)
    {
        var id = TimeOrderedId.New();
        var command = new CreateTask(id, function, TaskData.Create("{\"n\":1}"), start, priority, [], null, Actor.System, [], DateTimeOffset.UtcNow);
        var result = await Runner.RunAsync(id, DomainStreams.Task, s => TaskDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None, isNewStream: true);
        Assert.Null(result.Rejection);
        return id;
    }

    public async Task<TaskState> TaskAsync(Guid id) => (await Runner.LoadAsync(id, DomainStreams.Task)).State!;

    /// <summary>Polls the task's stream until <paramref name="condition"/> holds; fails the test after <paramref name="timeout"/> (10 s by default).</summary>
    public async Task<TaskState> WaitForAsync(Guid id, Func<TaskState, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (state, _) = await Runner.LoadAsync(id, DomainStreams.Task);
            if (state is not null && condition(state))
            {
                return state;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"task {id} did not reach the expected state; it is {state?.Status}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls <paramref name="sql"/> (a count) until it reaches <paramref name="expected"/>; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForCountAsync(string sql, long expected, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var count = await CountAsync(sql);
            if (count == expected)
            {
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"expected {expected} from `{sql}`, still {count}");
            await Task.Delay(100);
        }
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>A claimer over this database, with leases by <paramref name="leases"/> (30 s grace, 5 min at most by default).</summary>
    public DueTaskClaimer Claimer(LeasePolicy? leases = null) => new(Store, leases ?? new LeasePolicy(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)));

    /// <summary>A dispatcher over this database with <paramref name="invoker"/>.</summary>
    public (TaskDispatcher Dispatcher, LeaseWatchdog Watchdog) Dispatcher(IFunctionInvoker invoker, DispatcherOptions? options = null)
    {
        options ??= new DispatcherOptions { Runtime = "test", PollInterval = TimeSpan.FromMilliseconds(100), WatchdogInterval = TimeSpan.FromMilliseconds(200) };
        var clock = TimeProvider.System;
        var functions = new FunctionDefinitions(DataSource, clock);
        var completions = new CompletionBatcher(Store, NullLogger<CompletionBatcher>.Instance);
        completions.StartAsync(default).GetAwaiter().GetResult();
        batchers.Add(completions);
        var recorder = new OutcomeRecorder(Runner, completions, new TaskLogStore(DataSource), clock, NullLogger<OutcomeRecorder>.Instance);
        var dispatcher = new TaskDispatcher(
            new DueTaskClaimer(Store, new LeasePolicy(options.LeaseGrace, options.MaxLease)), recorder, functions, invoker, Signal, options, clock, NullLogger<TaskDispatcher>.Instance);
        var watchdog = new LeaseWatchdog(DataSource, recorder, functions, options, clock, NullLogger<LeaseWatchdog>.Instance);
        return (dispatcher, watchdog);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var batcher in batchers)
        {
            await batcher.StopAsync(default);
            batcher.Dispose();
        }

        await DataSource.DisposeAsync();
    }
}

/// <summary>An invoker for dispatch tests: records every invocation and answers with what the test chose.</summary>
public sealed class RecordingInvoker(Func<InvocationRequest, Task<InvocationOutcome>>? answer = null) : IFunctionInvoker
{
    public ConcurrentQueue<InvocationRequest> Invocations { get; } = new();

    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        Invocations.Enqueue(request);
        return answer is null ? new InvocationSucceeded("{\"ok\":true}", []) : await answer(request);
    }
}
