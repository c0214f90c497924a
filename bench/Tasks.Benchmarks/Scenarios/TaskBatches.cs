using Tasks.Benchmarks.Running;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// Creates tasks many to a unit of work, as a bulk-create request would: each task is decided by
/// the domain, and all of them commit in one transaction and one round trip.
/// </summary>
internal static class TaskBatches
{
    /// <summary>Decides and commits <paramref name="count"/> task creates in one unit of work.</summary>
    public static async Task<Written> WriteAsync(EventStore.EventStore store, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var work = store.BeginUnitOfWork();
        var metadata = BenchTasks.Metadata();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            var id = TimeOrderedId.New();
            var decision = TaskDecider.Instance.Decide(BenchTasks.Create(id, now), null);
            if (!decision.IsSuccess)
            {
                throw new BenchmarkFailedException($"task create was rejected: {decision.Error}");
            }

            work.Append(id, DomainStreams.Task.StreamType, ExpectedVersion.NoStream, decision.Events, metadata);
        }

        await work.CommitAsync(cancellationToken);
        return new Written(count, work.Events.Count);
    }
}
