using Tasks.GraphQL.Execution.Batching;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// Runs all of one execution's own work on a single logical thread: when a resolver completes asynchronously, the
/// executor resumes through this queue rather than on the resolver's thread. That gives two things. The executor's
/// per-request state (result slots, errors, pools) needs no locks. And the executor knows when it has run out of work
/// it can do without waiting: that is when every resolver that could start has started, so it is the moment to
/// dispatch the batch loads queued so far (N sibling items make one batch call, not N). Resolvers themselves still run
/// concurrently: their I/O overlaps, only the executor's bookkeeping between them is serialized.
/// </summary>
internal sealed class ExecutionScheduler
{
    private readonly Lock gate = new();
    private readonly Queue<Action> work = new();
    private readonly HashSet<ResolverAwaiter> waiting = [];
    private TaskCompletionSource? idle;
    private bool wakeRequested;
    private Exception? abortedWith;

    private BatchLoaderScope? loaders;

    /// <summary>The request's batch loaders, dispatched whenever the queue runs dry; set from whichever thread loads first.</summary>
    public BatchLoaderScope? Loaders
    {
        get => Volatile.Read(ref loaders);
        set => Volatile.Write(ref loaders, value);
    }

    /// <summary>Schedules executor work; safe from any thread.</summary>
    public void Enqueue(Action continuation)
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            work.Enqueue(continuation);
            wake = idle;
            idle = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Makes the loop look again (a batch load was queued, or the request was cancelled); safe from any thread.</summary>
    public void Wake()
    {
        TaskCompletionSource? wake;
        lock (gate)
        {
            wakeRequested = true;
            wake = idle;
            idle = null;
        }

        wake?.TrySetResult();
    }

    /// <summary>Awaits a resolver's pending value so that the executor resumes on this scheduler.</summary>
    public ResolverAwaiter Await(ValueTask<object?> pending) => new(this, pending);

    /// <summary>Runs queued work until <paramref name="root"/> completes. When <paramref name="cancellation"/> fires, every pending wait is ended with <paramref name="abortReason"/>.</summary>
    public async Task RunAsync(Task root, Func<Exception> abortReason, CancellationToken cancellation)
    {
        using var registration = cancellation.UnsafeRegister(static state => ((ExecutionScheduler)state!).Wake(), this);
        while (!root.IsCompleted)
        {
            Action? next;
            lock (gate)
            {
                work.TryDequeue(out next);
            }

            if (next is not null)
            {
                next();
                continue;
            }

            if (cancellation.IsCancellationRequested && abortedWith is null)
            {
                Abort(abortReason());
                continue;
            }

            if (Loaders is { } loaders && loaders.DispatchPending())
            {
                continue;
            }

            await WaitForWorkAsync().ConfigureAwait(false);
        }
    }

    internal void Track(ResolverAwaiter awaiter, Action continuation)
    {
        Exception? aborted;
        lock (gate)
        {
            aborted = abortedWith;
            if (aborted is null)
            {
                waiting.Add(awaiter);
            }
        }

        if (aborted is not null)
        {
            awaiter.Abandon(aborted);
            Enqueue(continuation);
        }
    }

    /// <summary>Whether the awaiter still waits (and stops tracking it); false when an abort already ended it.</summary>
    internal bool Complete(ResolverAwaiter awaiter)
    {
        lock (gate)
        {
            return waiting.Remove(awaiter);
        }
    }

    private void Abort(Exception reason)
    {
        ResolverAwaiter[] ended;
        lock (gate)
        {
            abortedWith = reason;
            ended = [.. waiting];
            waiting.Clear();
        }

        Loaders?.Abort(reason);
        foreach (var awaiter in ended)
        {
            awaiter.Abandon(reason);
            Enqueue(awaiter.Continuation!);
        }
    }

    private Task WaitForWorkAsync()
    {
        lock (gate)
        {
            if (work.Count > 0 || wakeRequested)
            {
                wakeRequested = false;
                return Task.CompletedTask;
            }

            idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return idle.Task;
        }
    }
}
