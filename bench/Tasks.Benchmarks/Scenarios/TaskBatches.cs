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

    /// <summary>Writes <paramref name="tasks"/> task creates in units of <paramref name="unit"/> from <paramref name="writers"/> concurrent writers.</summary>
    public static async Task SeedAsync(EventStore.EventStore store, int tasks, int writers, int unit, CancellationToken cancellationToken)
    {
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(
            async () =>
            {
                while (Interlocked.Add(ref next, unit) - unit is var from && from < tasks)
                {
                    await WriteAsync(store, Math.Min(unit, tasks - from), cancellationToken);
                }
            },
            cancellationToken)));
    }
}
