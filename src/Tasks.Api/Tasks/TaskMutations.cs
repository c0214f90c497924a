using Tasks.Api.Errors;
using Tasks.Api.Functions;
using Tasks.Api.Inputs;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.Projections.Events;

namespace Tasks.Api.Tasks;

/// <summary>Creates and cancels tasks: input to domain commands, decisions to events, events to payloads.</summary>
public sealed class TaskMutations(EventStore.EventStore store, CommandRunner runner, TaskCreationBatcher batcher, FunctionCatalog functions, TimeProvider clock)
{
    /// <summary>The most tasks one createTasks call may hold.</summary>
    public const int MaxBatchSize = 1_000;

    /// <summary>Creates one task.</summary>
    public async Task<TaskPayload> CreateAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var functionName = input.RequiredString("functionName");
        var function = await functions.FindAsync(functionName, cancellationToken);
        var prepared = Prepare(input, function, actor, clock.GetUtcNow(), fieldPrefix: null);
        if (prepared.Error is { } refused)
        {
            return TaskPayload.Refused(refused);
        }

        var command = prepared.Command!;
        if (!prepared.IdChosenByCaller)
        {
            // A fresh id has no stream to load or conflict with: decide on no state and let the batcher group-commit it.
            var decision = TaskDecider.Instance.Decide(command, null);
            if (!decision.IsSuccess)
            {
                return TaskPayload.Refused(MutationError.From(decision.Error));
            }

            var created = (TaskCreated)decision.Events.Single();
            await batcher.CreateAsync(command.TaskId, created, metadata);
            return TaskPayload.Of(TaskViews.From(TaskDecider.Instance.Evolve(null, created)!, 1));
        }

        var result = await runner.RunAsync(
            command.TaskId,
            DomainStreams.Task,
            state => TaskDecider.Instance.Decide(command, state).ToDecided(),
            metadata,
            cancellationToken: cancellationToken);
        return result.Rejection is { } rejection
            ? TaskPayload.Refused(MutationError.From(rejection))
            : TaskPayload.Of(TaskViews.From(result.State!, result.Version));
    }

    /// <summary>
    /// Creates many tasks in one transaction. Items refused by validation get their errors and the rest are written
    /// together; if a caller-chosen id turns out to exist, the valid items are written one by one instead, so that one
    /// duplicate costs only its own item.
    /// </summary>
    public async Task<CreateTasksPayload> CreateManyAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var items = input.Objects("tasks") ?? [];
        if (items.Count is 0 or > MaxBatchSize)
        {
            throw ApiExceptions.Validation("input.tasks", $"Give from 1 to {MaxBatchSize} tasks; {items.Count} were given.");
        }

        var known = await functions.FindManyAsync([.. items.Select(i => i.RequiredString("functionName"))], cancellationToken);
        var now = clock.GetUtcNow();
        var results = new CreateTaskResult?[items.Count];
        var accepted = new List<(int Index, CreateTask Command, TaskCreated Created)>(items.Count);
        var ids = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var prepared = Prepare(items[i], known.GetValueOrDefault(items[i].RequiredString("functionName")), actor, now, fieldPrefix: null);
            if (prepared.Error is { } refused)
            {
                results[i] = new CreateTaskResult(i, null, [refused]);
                continue;
            }

            if (!ids.Add(prepared.Command!.TaskId))
            {
                results[i] = new CreateTaskResult(i, null, [new AlreadyExists("task", $"Task {prepared.Command.TaskId} is given more than once in this batch.", "id")]);
                continue;
            }

            var decision = TaskDecider.Instance.Decide(prepared.Command!, null);
            if (!decision.IsSuccess)
            {
                results[i] = new CreateTaskResult(i, null, [MutationError.From(decision.Error)]);
                continue;
            }

            accepted.Add((i, prepared.Command!, (TaskCreated)decision.Events.Single()));
        }

        if (accepted.Count > 0)
        {
            try
            {
                var work = store.BeginUnitOfWork();
                foreach (var (_, command, created) in accepted)
                {
                    work.Append(command.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [created], metadata);
                }

                await work.CommitAsync(cancellationToken);
                foreach (var (index, _, created) in accepted)
                {
                    results[index] = new CreateTaskResult(index, TaskViews.From(TaskDecider.Instance.Evolve(null, created)!, 1), []);
                }
            }
            catch (StreamVersionConflictException)
            {
                foreach (var (index, command, _) in accepted)
                {
                    var single = await runner.RunAsync(command.TaskId, DomainStreams.Task, state => TaskDecider.Instance.Decide(command, state).ToDecided(), metadata, cancellationToken: cancellationToken);
                    results[index] = single.Rejection is { } rejection
                        ? new CreateTaskResult(index, null, [MutationError.From(rejection)])
                        : new CreateTaskResult(index, TaskViews.From(single.State!, single.Version), []);
                }
            }
        }

        return new CreateTasksPayload([.. results.Select(r => r!)]);
    }

    /// <summary>Cancels a task that is still new.</summary>
    public async Task<TaskPayload> CancelAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var command = new CancelTask(actor, clock.GetUtcNow());
        var result = await runner.RunAsync(
            input.Uuid("id")!.Value,
            DomainStreams.Task,
            state => TaskDecider.Instance.Decide(command, state).ToDecided(),
            metadata,
            cancellationToken: cancellationToken);
        return result.Rejection is { } rejection
            ? TaskPayload.Refused(MutationError.From(rejection))
            : TaskPayload.Of(TaskViews.From(result.State!, result.Version));
    }

    private static Prepared Prepare(InputObject input, FunctionView? function, Actor actor, DateTimeOffset now, string? fieldPrefix)
    {
        var functionName = input.RequiredString("functionName");
        if (function is null)
        {
            return new Prepared(null, new NotFound("function", $"No function is named '{functionName}'.", fieldPrefix + "functionName"), false);
        }

        if (!TaskData.TryCreate(input.JsonText("data"), out var data, out var dataError))
        {
            return new Prepared(null, MutationError.From(dataError, fieldPrefix), false);
        }

        var chosenId = input.Uuid("id");
        var command = new CreateTask(
            chosenId ?? TimeOrderedId.New(),
            function.Name,
            data,
            input.DateTime("startTimestamp"),
            input.OptionalInt("priority"),
            input.Strings("tags") ?? [],
            function.DefaultPriority,
            actor,
            [],
            now);
        return new Prepared(command, null, chosenId is not null);
    }

    private sealed record Prepared(CreateTask? Command, MutationError? Error, bool IdChosenByCaller);
}
