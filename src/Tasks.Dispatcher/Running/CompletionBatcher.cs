using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;
using Tasks.Projections.Logs;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// Group commit for completions, the common outcome (<see cref="GroupCommit{TItem}"/>), with their log lines. Each is
/// appended expecting the version its start left, which is exactly the decider's condition (in progress, nothing since);
/// if any stream moved (the watchdog was first), nothing of the batch is written and each caller decides its completion
/// on the stream's state.
/// </summary>
public sealed class CompletionBatcher : BackgroundService
{
    private readonly GroupCommit<Pending> commits;

    /// <summary>Creates the batcher over <paramref name="store"/>.</summary>
    public CompletionBatcher(EventStore.EventStore store, ILogger<CompletionBatcher> logger) =>
        commits = new(store, Add, logger);

    /// <summary>
    /// Records that <paramref name="taskId"/> (at <paramref name="startedVersion"/>) completed, with its log lines: true
    /// once committed; false when the batch met a stream that had moved on, and nothing of this completion was written.
    /// </summary>
    public async Task<bool> CompleteAsync(Guid taskId, int startedVersion, TaskCompleted completed, IReadOnlyList<TaskLogLine> logs)
    {
        try
        {
            await commits.CommitAsync(new Pending(taskId, startedVersion, completed, logs));
            return true;
        }
        catch (StreamVersionConflictException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => commits.RunAsync();

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        commits.Complete();
        await base.StopAsync(cancellationToken);
    }

    private static void Add(UnitOfWork work, Pending pending)
    {
        work.Append(pending.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.Exactly(pending.StartedVersion), [pending.Completed], EventMetadata.None);
        if (pending.Logs.Count > 0)
        {
            work.Execute(TaskLogStore.AppendStatement(pending.TaskId, pending.Logs));
        }
    }

    private sealed record Pending(Guid TaskId, int StartedVersion, TaskCompleted Completed, IReadOnlyList<TaskLogLine> Logs);
}
