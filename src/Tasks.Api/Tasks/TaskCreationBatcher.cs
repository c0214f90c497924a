using System.Threading.Channels;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.Projections.Events;

namespace Tasks.Api.Tasks;

/// <summary>
/// Group commit for task creation: creations that arrive while a commit is in flight are written together in the next
/// one (one transaction, multi-row inserts), so the database commits once per batch instead of once per task. A lone
/// creation is written at once: nothing waits for a batch to fill. Each caller still gets its answer only after the
/// commit that holds its task. Only server-chosen ids come here, so no stream can conflict within or across batches.
/// </summary>
public sealed class TaskCreationBatcher(EventStore.EventStore store, ILogger<TaskCreationBatcher> logger) : BackgroundService
{
    /// <summary>The most creations one commit holds.</summary>
    public const int MaxBatch = 500;

    // Two writers: one commits while the other gathers the next batch.
    private const int Writers = 2;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Records <paramref name="created"/> for a new task stream; completes once it is committed.</summary>
    /// <exception cref="InvalidOperationException">The batcher has stopped.</exception>
    public Task CreateAsync(Guid taskId, TaskCreated created, EventMetadata metadata)
    {
        var pending = new Pending(taskId, created, metadata, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        return queue.Writer.TryWrite(pending)
            ? pending.Committed.Task
            : Task.FromException(new InvalidOperationException("The service is stopping; the task was not created."));
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Writers end when the queue is completed and drained (StopAsync), not at the token: accepted work is committed.
        Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => WriteAsync()));

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Accept nothing new, but commit what was accepted before stopping.
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
                    work.Append(pending.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [pending.Created], pending.Metadata);
                }

                // Not cancelled by shutdown: callers are waiting for this commit.
                await work.CommitAsync(CancellationToken.None);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetResult();
                }
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Committing {Count} task creations failed; each caller gets the error.", batch.Count);
                foreach (var pending in batch)
                {
                    pending.Committed.TrySetException(e);
                }
            }
        }
    }

    private sealed record Pending(Guid TaskId, TaskCreated Created, EventMetadata Metadata, TaskCompletionSource Committed);
}
