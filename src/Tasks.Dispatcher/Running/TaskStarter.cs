using Tasks.Dispatcher.Queue;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.Projections.Events;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// Records <c>TaskStarted</c> for a batch of claimed tasks in one transaction, each with its lease. Each start is
/// appended expecting the version the claim saw: a queued task at that version is new and due, so the start is the
/// decider's answer without loading the stream; a task that changed since (canceled) makes the batch fall back to
/// deciding task by task.
/// </summary>
public sealed class TaskStarter(EventStore.EventStore store, CommandRunner runner)
{
    /// <summary>Starts <paramref name="claims"/> at <paramref name="now"/>; returns the ones that started, with their leases and the stream version their start left.</summary>
    public async Task<IReadOnlyList<(ClaimedTask Task, DateTimeOffset LeaseExpiresAt, int StartedVersion)>> StartAsync(
        IReadOnlyList<(ClaimedTask Task, DateTimeOffset LeaseExpiresAt)> claims, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return [];
        }

        try
        {
            var work = store.BeginUnitOfWork();
            foreach (var (task, lease) in claims)
            {
                work.Append(task.TaskId, DomainEventTypes.TaskStream, ExpectedVersion.Exactly(task.Version), [new TaskStarted(lease, now)], EventMetadata.None);
            }

            await work.CommitAsync(cancellationToken);
            return [.. claims.Select(c => (c.Task, c.LeaseExpiresAt, c.Task.Version + 1))];
        }
        catch (StreamVersionConflictException)
        {
            var started = new List<(ClaimedTask, DateTimeOffset, int)>(claims.Count);
            foreach (var (task, lease) in claims)
            {
                var command = new StartTask(lease, now);
                var result = await runner.RunAsync(task.TaskId, DomainStreams.Task, state => TaskDecider.Instance.Decide(command, state).ToDecided(), EventMetadata.None, cancellationToken: cancellationToken);
                if (result.Rejection is null)
                {
                    started.Add((task, lease, result.Version));
                }
            }

            return started;
        }
    }
}
