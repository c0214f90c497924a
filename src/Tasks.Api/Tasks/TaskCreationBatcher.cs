using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;

namespace Tasks.Api.Tasks;

/// <summary>
/// Group commit for task creation (<see cref="GroupCommit{TItem}"/>): creations that arrive while a commit is in flight
/// share the next one, and each caller gets its answer only after that commit. Only server-chosen ids come here, so no
/// stream can conflict within or across batches.
/// </summary>
public sealed class TaskCreationBatcher : BackgroundService
{
    private readonly GroupCommit<(Guid TaskId, TaskCreated Created, EventMetadata Metadata)> commits;

    /// <summary>Creates the batcher over <paramref name="store"/>.</summary>
    public TaskCreationBatcher(EventStore.EventStore store, ILogger<TaskCreationBatcher> logger) =>
        commits = new(store, (work, c) => work.Append(c.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [c.Created], c.Metadata), logger);

    /// <summary>Records <paramref name="created"/> for a new task stream; completes once it is committed.</summary>
    public Task CreateAsync(Guid taskId, TaskCreated created, EventMetadata metadata) => commits.CommitAsync((taskId, created, metadata));

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => commits.RunAsync();

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        commits.Complete();
        await base.StopAsync(cancellationToken);
    }
}
