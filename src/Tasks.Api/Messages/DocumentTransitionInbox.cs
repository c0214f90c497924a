using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;

namespace Tasks.Api.Messages;

/// <summary>
/// Group commit for document transitions: each message's tasks and its inbox row are written in the same transaction,
/// and messages that arrive together share one. A message handled before fails alone (<see cref="DuplicateMessageException"/>)
/// while the rest of its batch commits.
/// </summary>
public sealed class DocumentTransitionInbox : BackgroundService
{
    /// <summary>The inbox source recorded with each message id.</summary>
    public const string Source = "documents";

    private readonly GroupCommit<Accepted> commits;

    /// <summary>Creates the inbox over <paramref name="store"/>.</summary>
    public DocumentTransitionInbox(EventStore.EventStore store, ILogger<DocumentTransitionInbox> logger) =>
        commits = new(store, Add, logger, maxBatch: 500, isolateFailures: true);

    /// <summary>
    /// Records <paramref name="messageId"/> with the tasks it creates; completes once committed. Throws
    /// <see cref="DuplicateMessageException"/> when the message was handled before: then nothing was written.
    /// </summary>
    public Task CommitAsync(string messageId, IReadOnlyList<(Guid TaskId, TaskCreated Created)> tasks, EventMetadata metadata) =>
        commits.CommitAsync(new Accepted(messageId, tasks, metadata));

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => commits.RunAsync();

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        commits.Complete();
        await base.StopAsync(cancellationToken);
    }

    private static void Add(UnitOfWork work, Accepted accepted)
    {
        work.RecordInbox(accepted.MessageId, Source);
        foreach (var (taskId, created) in accepted.Tasks)
        {
            work.Append(taskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, [created], accepted.Metadata);
        }
    }

    private sealed record Accepted(string MessageId, IReadOnlyList<(Guid TaskId, TaskCreated Created)> Tasks, EventMetadata Metadata);
}
