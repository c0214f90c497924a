using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.Projections.Events;
using Tasks.Projections.Logs;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// Group commit for completions, the common outcome: completions that arrive while a commit is in flight are written
/// together in the next one, with their log lines. Each is appended expecting the version its start left, which is
/// exactly the decider's condition (in progress, nothing since); if any stream moved (the watchdog was first), nothing
/// of the batch is written and each caller decides its completion on the stream's state. A lone completion is written at once.
/// </summary>
public sealed class CompletionBatcher(EventStore.EventStore store, ILogger<CompletionBatcher> logger) : BackgroundService
{
    /// <summary>The most completions one commit holds.</summary>
    public const int MaxBatch = 500;

    private const int Writers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();

    /// <summary>
    /// Records that <paramref name="taskId"/> (at <paramref name="startedVersion"/>) completed, with its log lines: true
    /// once committed; false when the batch met a stream that had moved on, and nothing of this completion was written.
    /// </summary>
    public Task<bool> CompleteAsync(Guid taskId, int startedVersion, TaskCompleted completed, IReadOnlyList<TaskLogLine> logs)
    {
        var pending = new Pending(taskId, startedVersion, completed, logs, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending)
            ? pending.Done.Task
            : Task.FromException<bool>(new InvalidOperationException("The dispatcher is stopping."));
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteAsync()));

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var work = store.BeginUnitOfWork();
                foreach (var pending in batch)
                {
                    work.Append(pending.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.Exactly(pending.StartedVersion), [pending.Completed], EventMetadata.None);
                    if (pending.Logs.Count > 0)
                    {
                        work.Execute(TaskLogStore.AppendStatement(pending.TaskId, pending.Logs));
                    }
                }

                await work.CommitAsync(CancellationToken.None);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult(true);
                }
            }
            catch (StreamVersionConflictException)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult(false);
                }
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Committing {Count} completions failed; their leases decide.", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(Guid TaskId, int StartedVersion, TaskCompleted Completed, IReadOnlyList<TaskLogLine> Logs, TaskCompletionSource<bool> Done);
}
