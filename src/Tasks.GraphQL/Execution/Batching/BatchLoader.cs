namespace Tasks.GraphQL.Execution.Batching;

/// <summary>
/// Loads values by key in batches, for one request: every key asked for while the executor starts a level of resolvers
/// goes to the batch function in a single call. A key asked for twice in a request is loaded once.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class BatchLoader<TKey, TValue> : IBatchDispatch
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load;
    private readonly BatchLoaderScope scope;
    private readonly Dictionary<TKey, TaskCompletionSource<TValue?>> loaded = [];
    private List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> queued = [];

    internal BatchLoader(string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load, BatchLoaderScope scope)
    {
        Name = name;
        this.load = load;
        this.scope = scope;
    }

    /// <summary>The loader's name within its request.</summary>
    public string Name { get; }

    /// <summary>The value for <paramref name="key"/>, or default when the batch function returns none for it.</summary>
    public Task<TValue?> LoadAsync(TKey key)
    {
        bool first;
        TaskCompletionSource<TValue?>? completion;
        lock (gate)
        {
            if (loaded.TryGetValue(key, out completion))
            {
                return completion.Task;
            }

            // Continuations run where the result is delivered (the executor's scheduler), so a whole level of
            // resolvers resumes before the executor looks for the next batch.
            completion = new TaskCompletionSource<TValue?>();
            loaded[key] = completion;
            first = queued.Count == 0;
            queued.Add(new(key, completion));
        }

        if (first)
        {
            scope.NotifyPending(this);
        }

        return completion.Task;
    }

    /// <summary>The values for several keys, in their order.</summary>
    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys) => await Task.WhenAll(keys.Select(LoadAsync)).ConfigureAwait(false);

    void IBatchDispatch.Dispatch()
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch;
        lock (gate)
        {
            batch = queued;
            queued = [];
        }

        if (batch.Count == 0)
        {
            return;
        }

        Task<IReadOnlyDictionary<TKey, TValue>> loading;
        try
        {
            loading = load(batch.ConvertAll(entry => entry.Key), scope.CancellationToken);
        }
#pragma warning disable CA1031 // The batch function's failure becomes the failure of every load in the batch.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            loading = Task.FromException<IReadOnlyDictionary<TKey, TValue>>(exception);
        }

        if (loading.IsCompleted)
        {
            Deliver(loading, batch);
        }
        else
        {
            loading.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(() => scope.Post(() => Deliver(loading, batch)));
        }
    }

    void IBatchDispatch.Abort(Exception reason)
    {
        List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch;
        lock (gate)
        {
            batch = queued;
            queued = [];
        }

        foreach (var (_, completion) in batch)
        {
            completion.TrySetException(reason);
        }
    }

    private static void Deliver(Task<IReadOnlyDictionary<TKey, TValue>> loading, List<KeyValuePair<TKey, TaskCompletionSource<TValue?>>> batch)
    {
        if (loading.IsCompletedSuccessfully)
        {
            var values = loading.Result;
            foreach (var (key, completion) in batch)
            {
                completion.TrySetResult(values is not null && values.TryGetValue(key, out var value) ? value : default);
            }

            return;
        }

        var failure = loading.Exception?.InnerExceptions.Count == 1 ? loading.Exception.InnerException! : (Exception?)loading.Exception ?? new OperationCanceledException();
        foreach (var (_, completion) in batch)
        {
            completion.TrySetException(failure);
        }
    }
}
