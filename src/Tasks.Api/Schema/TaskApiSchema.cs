using System.Runtime.CompilerServices;
using Tasks.Api.Authentication;
using Tasks.Api.Errors;
using Tasks.Api.Execution;
using Tasks.Api.Filtering;
using Tasks.Api.Functions;
using Tasks.Api.Inputs;
using Tasks.Api.Paging;
using Tasks.Api.Schedules;
using Tasks.Api.Subscriptions;
using Tasks.Api.Tasks;
using Tasks.GraphQL.Execution.Batching;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.TypeSystem.Building;
using Tasks.Projections.Logs;
using GraphQLSchema = Tasks.GraphQL.TypeSystem.Schema;

namespace Tasks.Api.Schema;

/// <summary>
/// The served schema: the checked-in contract (<c>schema.graphql</c>) with every field bound to the service that answers
/// it. Permission checks sit on the root fields (and on the few detail fields that need more than their parent's).
/// </summary>
public static class TaskApiSchema
{
    // Log lines per task and request: within the engine's cost limit even when several tasks' logs are selected.
    private const int DefaultLogLines = 100;
    private const int MaxLogLines = 1_000;

    /// <summary>The contract's text, as checked in.</summary>
    public static string Sdl { get; } = ReadContract();

    /// <summary>Builds the schema over the services of <paramref name="services"/>.</summary>
    public static GraphQLSchema Build(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var tasks = services.GetRequiredService<TaskReader>();
        var taskMutations = services.GetRequiredService<TaskMutations>();
        var history = services.GetRequiredService<TaskHistory>();
        var logs = services.GetRequiredService<TaskLogStore>();
        var functions = services.GetRequiredService<FunctionReader>();
        var functionMutations = services.GetRequiredService<FunctionMutations>();
        var functionHistory = services.GetRequiredService<FunctionHistory>();
        var schedules = services.GetRequiredService<ScheduleReader>();
        var scheduleMutations = services.GetRequiredService<ScheduleMutations>();
        var execution = services.GetRequiredService<FunctionExecution>();
        var feed = services.GetRequiredService<TaskEventFeed>();

        var builder = SchemaBuilder.FromSdl(Sdl)
            .AddScalar(UuidScalar.Instance)
            .BindEnum("TaskStatus", EnumBindings.TaskStatus)
            .BindEnum("ExecutionPermission", EnumBindings.ExecutionPermission)
            .BindEnum("TaskEventType", EnumBindings.TaskEventType)
            .ResolveType("MutationError", value => (value as MutationError)?.GraphQLType);

        // Queries.
        builder
            .Resolve("Query", "task", async ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                return await tasks.FindAsync(ctx.Argument<Guid>("id"), ctx.CancellationToken);
            })
            .Resolve("Query", "taskAsOf", async ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                return await history.AsOfAsync(ctx.Argument<Guid>("id"), ctx.Argument<DateTimeOffset>("at"), ctx.CancellationToken);
            })
            .Resolve("Query", "tasks", async ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                return await QueryArguments.RunAsync(ctx, FilterInputMapping.Task, query => tasks.PageAsync(query, ctx.CancellationToken));
            })
            .Resolve("Query", "function", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskFunctions);
                return await functions.FindAsync(ctx.Argument<string>("name")!, ctx.CancellationToken);
            })
            .Resolve("Query", "functions", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskFunctions);
                return await QueryArguments.RunAsync(ctx, FilterInputMapping.Function, query => functions.PageAsync(query, ctx.CancellationToken));
            })
            .Resolve("Query", "schedule", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskSchedules);
                return await schedules.FindAsync(ctx.Argument<Guid>("id"), ctx.CancellationToken);
            })
            .Resolve("Query", "schedules", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskSchedules);
                return await QueryArguments.RunAsync(ctx, FilterInputMapping.Schedule, query => schedules.PageAsync(query, ctx.CancellationToken));
            })
            .Resolve("Query", "viewer", ctx => ctx.Caller().IsAuthenticated ? ctx.Caller() : throw ApiExceptions.Unauthenticated());

        // Connections count only when asked.
        builder
            .Resolve("TasksConnection", "totalCount", ctx => ((Connection<TaskView>)ctx.Parent!).CountAsync(ctx.CancellationToken))
            .Resolve("FunctionsConnection", "totalCount", ctx => ((Connection<FunctionView>)ctx.Parent!).CountAsync(ctx.CancellationToken))
            .Resolve("SchedulesConnection", "totalCount", ctx => ((Connection<ScheduleView>)ctx.Parent!).CountAsync(ctx.CancellationToken));

        // Task details.
        builder
            .Resolve("Task", "retriedBy", ctx =>
                ((TaskView)ctx.Parent!).RetriedByTaskId is { } id ? ctx.BatchLoad<Guid, TaskView>("taskById", id, tasks.FindManyAsync) : Task.FromResult<TaskView?>(null))
            .Resolve("Task", "retryFor", async ctx =>
            {
                var found = await ctx.BatchLoader<Guid, TaskView>("taskById", tasks.FindManyAsync).LoadManyAsync(((TaskView)ctx.Parent!).RetryForTaskIds);
                return found.OfType<TaskView>().ToList();
            })
            .Resolve("Task", "history", async ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                return await history.EventsAsync(((TaskView)ctx.Parent!).Id, ctx.CancellationToken);
            })
            .Resolve("Task", "logs", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskLogs);
                var first = ctx.Argument<int?>("first") ?? DefaultLogLines;
                if (first is < 1 or > MaxLogLines)
                {
                    throw ApiExceptions.Validation("first", $"first must be between 1 and {MaxLogLines}.");
                }

                return await logs.ReadAsync(((TaskView)ctx.Parent!).Id, ctx.Argument<DateTimeOffset?>("from"), ctx.Argument<DateTimeOffset?>("to"), first, ctx.CancellationToken);
            })
            .Resolve("TaskEvent", "task", ctx => ctx.BatchLoad<Guid, TaskView>("taskById", ((TaskEventView)ctx.Parent!).TaskId, tasks.FindManyAsync));

        // Function details that need more than listing rights.
        builder
            .Resolve("Function", "code", ctx => ctx.Require(Permissions.ViewTaskFunctionDetails) is not null ? ((FunctionView)ctx.Parent!).Code : null)
            .Resolve("Function", "entryPoint", ctx => ctx.Require(Permissions.ViewTaskFunctionDetails) is not null ? ((FunctionView)ctx.Parent!).EntryPoint : null)
            .Resolve("Function", "environmentVariableNames", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskFunctionDetails);
                var name = ((FunctionView)ctx.Parent!).Name;
                return await ctx.BatchLoad<string, IReadOnlyList<string>>("environmentNames", name, functions.EnvironmentNamesAsync) ?? [];
            })
            .Resolve("Function", "history", async ctx =>
            {
                ctx.Require(Permissions.ViewTaskFunctionDetails);
                return await functionHistory.EventsAsync(((FunctionView)ctx.Parent!).Name, ctx.CancellationToken);
            });

        // Mutations.
        builder
            .Resolve("Mutation", "createTask", ctx => Mutate(ctx, Permissions.CreateTasks, taskMutations.CreateAsync))
            .Resolve("Mutation", "createTasks", ctx => Mutate(ctx, Permissions.CreateTasks, taskMutations.CreateManyAsync))
            .Resolve("Mutation", "cancelTask", ctx => Mutate(ctx, Permissions.CancelTasks, taskMutations.CancelAsync))
            .Resolve("Mutation", "createFunction", ctx => Mutate(ctx, Permissions.CreateTaskFunction, functionMutations.CreateAsync))
            .Resolve("Mutation", "updateFunction", ctx => Mutate(ctx, Permissions.UpdateTaskFunction, functionMutations.UpdateAsync))
            .Resolve("Mutation", "deleteFunction", ctx => Mutate(ctx, Permissions.DeleteTaskFunction, functionMutations.DeleteAsync))
            .Resolve("Mutation", "enableFunction", ctx => Mutate(ctx, Permissions.UpdateTaskFunction, functionMutations.EnableAsync))
            .Resolve("Mutation", "disableFunction", ctx => Mutate(ctx, Permissions.UpdateTaskFunction, functionMutations.DisableAsync))
            .Resolve("Mutation", "createSchedule", ctx => Mutate(ctx, Permissions.CreateTaskSchedule, scheduleMutations.CreateAsync))
            .Resolve("Mutation", "deleteSchedule", ctx => Mutate(ctx, Permissions.DeleteTaskSchedule, scheduleMutations.DeleteAsync))
            .Resolve("Mutation", "executeFunction", ctx => execution.ExecuteAsync(InputObject.Of(ctx.Arguments), ctx.Caller(), ctx.Metadata(), ctx.CancellationToken));

        // Subscriptions.
        builder
            .Subscribe("Subscription", "taskUpdated", ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                return ValueTask.FromResult(TaskUpdates(feed, tasks, ctx.Argument<Guid>("id")));
            })
            .Subscribe("Subscription", "taskEvents", ctx =>
            {
                ctx.Require(Permissions.ViewTasks);
                var filter = TaskEventFilter.Compile(ctx.Arguments.GetValueOrDefault("where") as IReadOnlyDictionary<string, object?>);
                return ValueTask.FromResult(TaskEvents(feed, filter));
            })
            .Resolve("Subscription", "taskUpdated", ctx => ctx.Parent)
            .Resolve("Subscription", "taskEvents", ctx => ctx.Parent);

        return builder.Build();
    }

    private static async Task<TPayload> Mutate<TPayload>(
        IResolverContext context,
        string permission,
        Func<InputObject, Domain.Identity.Actor, EventStore.Streams.EventMetadata, CancellationToken, Task<TPayload>> mutation)
    {
        var caller = context.Require(permission);
        return await mutation(InputObject.Of(context.Arguments), caller.Actor, context.Metadata(), context.CancellationToken);
    }

    private static async IAsyncEnumerable<object?> TaskUpdates(TaskEventFeed feed, TaskReader tasks, Guid id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Subscribe before reading the current state, so no change can slip between the two.
        using var subscription = await feed.SubscribeAsync(change => change.Event.TaskId == id, cancellationToken);
        var lastVersion = 0;
        if (await tasks.FindAsync(id, cancellationToken) is { } current)
        {
            lastVersion = current.Version;
            yield return current;
        }

        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            if (change.Event.Version <= lastVersion)
            {
                continue;
            }

            if (await tasks.FindAsync(id, cancellationToken) is { } task && task.Version > lastVersion)
            {
                lastVersion = task.Version;
                yield return task;
            }
        }
    }

    private static async IAsyncEnumerable<object?> TaskEvents(TaskEventFeed feed, Func<TaskEventFacts, bool> filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var subscription = await feed.SubscribeAsync(change => filter(new TaskEventFacts(change.Event.TaskId, change.Event.Type, change.FunctionName, change.Tags)), cancellationToken);
        await foreach (var change in subscription.Changes.ReadAllAsync(cancellationToken))
        {
            yield return change.Event;
        }
    }

    private static string ReadContract()
    {
        using var stream = typeof(TaskApiSchema).Assembly.GetManifestResourceStream("schema.graphql")
            ?? throw new InvalidOperationException("schema.graphql is not embedded in " + typeof(TaskApiSchema).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
