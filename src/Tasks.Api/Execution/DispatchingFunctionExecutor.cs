using Tasks.Api.Errors;
using Tasks.Api.Functions;
using Tasks.Api.Subscriptions;
using Tasks.Api.Tasks;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;

namespace Tasks.Api.Execution;

/// <summary>
/// Runs a function directly through the dispatchers: creates a task that is due now with the highest priority, then
/// waits (through the log feed) for that task's outcome within the function's time limit plus a margin. The task and its
/// history stay, like any other; only the result is handed back.
/// </summary>
public sealed class DispatchingFunctionExecutor(TaskCreationBatcher batcher, TaskEventFeed feed, EventStore.EventStore store, TimeProvider clock) : IFunctionExecutor
{
    /// <summary>What a direct execution's task is tagged with, to tell it apart in lists.</summary>
    public const string Tag = "executeFunction";

    // Claiming, starting and recording take a moment beyond the function's own time.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<ExecutionOutcome> ExecuteAsync(FunctionView function, TaskData data, EventMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(metadata);
        var id = TimeOrderedId.New();
        var now = clock.GetUtcNow();
        var command = new CreateTask(id, function.Name, data, now, int.MaxValue, [Tag], null, new Actor(metadata.ActorUserId, metadata.ActorApplicationId), [], now);
        var decision = TaskDecider.Instance.Decide(command, null);
        if (!decision.IsSuccess)
        {
            return new ExecutionOutcome(null, null, null, MutationError.From(decision.Error));
        }

        // Subscribed before the task exists, so its outcome cannot slip past.
        using var subscription = await feed.SubscribeAsync(change => change.Event.TaskId == id, cancellationToken);
        await batcher.CreateAsync(id, (TaskCreated)decision.Events.Single(), metadata);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(function.TimeLimit) + Margin);
        try
        {
            await foreach (var change in subscription.Changes.ReadAllAsync(timeout.Token))
            {
                if (change.Event.Type is "task-completed" or "task-failed" or "task-retried")
                {
                    // One read of the stream gives both the outcome (folded) and the result (only events carry it).
                    var events = (await store.ReadStreamAsync(id, cancellationToken: cancellationToken)).Select(e => e.Data).ToList();
                    var state = events.Aggregate(DomainStreams.Task.Initial, DomainStreams.Task.Evolve);
                    var completed = events.OfType<TaskCompleted>().LastOrDefault();
                    return new ExecutionOutcome(id, completed is null ? null : completed.ResultJson ?? "null", state?.Error, null);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
        }

        return new ExecutionOutcome(id, null, null, new ExecutionProblem(
            ApiErrorCodes.Timeout,
            $"The function '{function.Name}' did not finish within {function.TimeLimit} s (plus {Margin.TotalSeconds:0} s to dispatch it); task {id} goes on and can be followed."));
    }
}
