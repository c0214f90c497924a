using System.Text;
using Microsoft.Extensions.Logging;
using Tasks.Dispatcher.Invoking;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.Projections.Events;
using Tasks.Projections.Logs;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// Records how a run ended: <c>TaskCompleted</c>, or <c>TaskFailed</c> / <c>TaskRetried</c> by the function's retry
/// policy, in which case the retry task is created in the same transaction. Keeps the run's log lines.
/// </summary>
public sealed class OutcomeRecorder(CommandRunner runner, CompletionBatcher completions, TaskLogStore logs, TimeProvider clock, ILogger<OutcomeRecorder> logger)
{
    /// <summary>The largest result kept, in UTF-8 bytes; a larger one fails the task with <c>resultTooLarge</c>.</summary>
    public const int MaxResultBytes = 256_000;

    /// <summary>
    /// Records <paramref name="outcome"/> for <paramref name="taskId"/>, whose start left its stream at
    /// <paramref name="startedVersion"/>; false when the task had ended already (e.g. the watchdog was first).
    /// </summary>
    public async Task<bool> RecordAsync(Guid taskId, int startedVersion, FunctionDefinition function, InvocationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(outcome);
        var lines = outcome.Logs.Select(l => new TaskLogLine(l.Timestamp, l.Message)).ToList();
        var now = clock.GetUtcNow();
        if (outcome is InvocationSucceeded { ResultJson: var resultJson } && (resultJson is null || Encoding.UTF8.GetByteCount(resultJson) <= MaxResultBytes)
            && await completions.CompleteAsync(taskId, startedVersion, new TaskCompleted(resultJson, now), lines))
        {
            // The common case: committed with others, without loading the stream.
            return true;
        }

        if (lines.Count > 0)
        {
            await logs.AppendAsync(taskId, lines, cancellationToken);
        }

        ITaskCommand command = outcome switch
        {
            InvocationSucceeded { ResultJson: { } result } when Encoding.UTF8.GetByteCount(result) > MaxResultBytes =>
                new FailTask(new TaskError("resultTooLarge", "ResultTooLarge", $"The result is larger than {MaxResultBytes} bytes."), function.RetryPolicy, TimeOrderedId.New(), now),
            InvocationSucceeded succeeded => new CompleteTask(succeeded.ResultJson, now),
            InvocationFailed failed => new FailTask(failed.Error, function.RetryPolicy, TimeOrderedId.New(), now),
            // Not a failure: the task is due again after the platform's back-off, and no retry is spent.
            InvocationThrottled throttled => new DeferTask(now + throttled.RetryAfter, throttled.Reason, now),
            _ => throw new ArgumentException($"Unknown outcome {outcome.GetType().Name}.", nameof(outcome)),
        };
        return await DecideAsync(taskId, command, cancellationToken);
    }

    /// <summary>Fails a task without a run outcome (its function is gone, its lease expired), retrying by <paramref name="policy"/>.</summary>
    public Task<bool> FailAsync(Guid taskId, TaskError error, RetryPolicy policy, CancellationToken cancellationToken) =>
        DecideAsync(taskId, new FailTask(error, policy, TimeOrderedId.New(), clock.GetUtcNow()), cancellationToken);

    private async Task<bool> DecideAsync(Guid taskId, ITaskCommand command, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(
            taskId,
            DomainStreams.Task,
            state => TaskDecider.Instance.Decide(command, state).ToDecided(),
            EventMetadata.None,
            alsoWrite: CreateRetry,
            cancellationToken: cancellationToken);
        if (result.Rejection is { } rejection)
        {
            logger.LogInformation("Task {TaskId}: {Code} {Message}", taskId, rejection.Code, rejection.Message);
            return false;
        }

        return true;
    }

    private static void CreateRetry(EventStore.Writing.UnitOfWork work, TaskState? state, IReadOnlyList<object> events)
    {
        foreach (var retried in events.OfType<TaskRetried>())
        {
            var retry = TaskRetries.CreateRetryCommand(state!, retried);
            var decision = TaskDecider.Instance.Decide(retry, null);
            if (!decision.IsSuccess)
            {
                throw new InvalidOperationException($"The retry of task {state!.Id} was refused: {decision.Error.Message}");
            }

            work.Append(retry.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [.. decision.Events], EventMetadata.None);
        }
    }
}
