namespace Tasks.GraphQL.Execution.Batching;

/// <summary>
/// The batch loaders of one request. Loads queue up until the executor has started every resolver it can, then
/// <see cref="DispatchPending"/> sends each loader's queued keys in one call. Outside the executor (no scheduler),
/// queued loads are dispatched from the thread pool instead.
/// </summary>
internal sealed class BatchLoaderScope
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, IBatchDispatch> loaders = new(StringComparer.Ordinal);
    private readonly List<IBatchDispatch> pending = [];
    private readonly Action<Action>? post;
    private readonly Action? wake;
    private bool dispatchScheduled;

    /// <summary>A scope run by an executor: <paramref name="post"/> queues work on its scheduler, <paramref name="wake"/> tells it loads are waiting.</summary>
    public BatchLoaderScope(Action<Action>? post, Action? wake, CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        this.post = post;
        this.wake = wake;
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>The loader named <paramref name="name"/>, created on first use.</summary>
    public BatchLoader<TKey, TValue> GetOrCreate<TKey, TValue>(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
        where TKey : notnull
    {
        lock (gate)
        {
            if (!loaders.TryGetValue(name, out var loader))
            {
                loaders[name] = loader = new BatchLoader<TKey, TValue>(name, load, this);
            }

            return loader as BatchLoader<TKey, TValue>
                ?? throw new InvalidOperationException($"The batch loader \"{name}\" already loads other key or value types; give each loader its own name.");
        }
    }

    /// <summary>Sends every queued batch; true if there was any. Runs on the executor's scheduler.</summary>
    public bool DispatchPending()
    {
        IBatchDispatch[] ready;
        lock (gate)
        {
            dispatchScheduled = false;
            if (pending.Count == 0)
            {
                return false;
            }

            ready = [.. pending];
            pending.Clear();
        }

        foreach (var loader in ready)
        {
            loader.Dispatch();
        }

        return true;
    }

    /// <summary>Fails every queued load (the execution timed out or was cancelled).</summary>
    public void Abort(Exception reason)
    {
        IBatchDispatch[] all;
        lock (gate)
        {
            all = [.. loaders.Values];
            pending.Clear();
        }

        foreach (var loader in all)
        {
            loader.Abort(reason);
        }
    }

    internal void NotifyPending(IBatchDispatch loader)
    {
        bool schedule;
        lock (gate)
        {
            pending.Add(loader);
            schedule = post is null && !dispatchScheduled;
            dispatchScheduled |= schedule;
        }

        if (schedule)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static scope => scope.DispatchPending(), this, preferLocal: false);
        }
        else
        {
            wake?.Invoke();
        }
    }

    /// <summary>Runs the delivery of a batch's results where the executor's work runs.</summary>
    internal void Post(Action delivery)
    {
        if (post is null)
        {
            delivery();
        }
        else
        {
            post(delivery);
        }
    }
}
