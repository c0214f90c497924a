using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Tasks.EventStore.Writing;

/// <summary>
/// Group commit: items that arrive while a commit is in flight are written together in the next unit of work, so the
/// database commits once per batch instead of once per item. A lone item is written at once: nothing waits for a batch
/// to fill. Each caller's task completes only after the commit that holds its item, and faults with that commit's
/// error (a <see cref="Streams.StreamVersionConflictException"/> included: then nothing of the batch was written).
/// </summary>
/// <typeparam name="TItem">What one caller asks to write.</typeparam>
/// <param name="store">The store the units of work commit to.</param>
/// <param name="add">Adds one item's writes to a unit of work.</param>
/// <param name="logger">Told when a batch fails.</param>
/// <param name="maxBatch">The most items one commit holds.</param>
/// <param name="writers">How many commits may be in flight at once (one commits while another gathers).</param>
/// <param name="isolateFailures">
/// When a batch of several items fails, commit each of them alone, so that one item's error (a message handled
/// before) is that item's only; otherwise every caller of the batch gets its error.
/// </param>
public sealed class GroupCommit<TItem>(EventStore store, Action<UnitOfWork, TItem> add, ILogger logger, int maxBatch = 500, int writers = 2, bool isolateFailures = false)
{
    private readonly Channel<(TItem Item, TaskCompletionSource Committed)> queue =
        Channel.CreateUnbounded<(TItem, TaskCompletionSource)>();

    /// <summary>Queues <paramref name="item"/>; completes once it is committed.</summary>
    public Task CommitAsync(TItem item)
    {
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return queue.Writer.TryWrite((item, committed))
            ? committed.Task
            : Task.FromException(new InvalidOperationException("The service is stopping; nothing more is written."));
    }

    /// <summary>Runs the writers until <see cref="Complete"/> is called and everything accepted is committed.</summary>
    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, writers).Select(_ => WriteAsync()));

    /// <summary>Accepts nothing more; what was accepted is still committed.</summary>
    public void Complete() => queue.Writer.TryComplete();

    private async Task WriteAsync()
    {
        var batch = new List<(TItem Item, TaskCompletionSource Committed)>(maxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception e) when (isolateFailures && batch.Count > 1)
            {
                logger.LogDebug(e, "Committing a batch of {Count} failed; committing each alone.", batch.Count);
                foreach (var pending in batch)
                {
                    await CommitOrFailAsync([pending]);
                }
            }
            catch (Exception e)
            {
                Fail(batch, e);
            }
        }
    }

    private async Task CommitAsync(List<(TItem Item, TaskCompletionSource Committed)> batch)
    {
        var work = store.BeginUnitOfWork();
        foreach (var (item, _) in batch)
        {
            add(work, item);
        }

        // Not cancelled by shutdown: callers are waiting for this commit.
        await work.CommitAsync(CancellationToken.None);
        foreach (var (_, committed) in batch)
        {
            committed.TrySetResult();
        }
    }

    private async Task CommitOrFailAsync(List<(TItem Item, TaskCompletionSource Committed)> batch)
    {
        try
        {
            await CommitAsync(batch);
        }
        catch (Exception e)
        {
            Fail(batch, e);
        }
    }

    private void Fail(List<(TItem Item, TaskCompletionSource Committed)> batch, Exception e)
    {
        if (e is not Streams.StreamVersionConflictException and not DuplicateMessageException)
        {
            logger.LogWarning(e, "Committing a batch of {Count} failed; each caller gets the error.", batch.Count);
        }

        foreach (var (_, committed) in batch)
        {
            committed.TrySetException(e);
        }
    }
}
