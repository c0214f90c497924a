using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Execution.Running;

namespace Tasks.GraphQL.Execution.Batching;

/// <summary>Batch loading for resolvers: <c>await context.BatchLoad("authorById", book.AuthorId, LoadAuthorsAsync)</c>.</summary>
public static class BatchLoading
{
    /// <summary>The <see cref="IResolverContext.RequestItems"/> entry holding the request's batch loaders.</summary>
    internal const string ScopeKey = "Tasks.GraphQL.BatchLoaders";

    /// <summary>
    /// Loads <paramref name="key"/> with the request's loader <paramref name="loaderName"/>: the keys every resolver asks
    /// for while the executor starts a level of the result reach <paramref name="load"/> in one call, so a list of N items
    /// costs one batch, not N. <paramref name="load"/> returns the values it found by key; a key it leaves out loads as default.
    /// </summary>
    /// <param name="context">The resolver's context.</param>
    /// <param name="loaderName">Names the loader within the request; keep one name per batch function.</param>
    /// <param name="key">The key to load.</param>
    /// <param name="load">Loads many keys at once.</param>
    public static Task<TValue?> BatchLoad<TKey, TValue>(
        this IResolverContext context,
        string loaderName,
        TKey key,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
        where TKey : notnull =>
        context.BatchLoader(loaderName, load).LoadAsync(key);

    /// <summary>The request's loader <paramref name="loaderName"/>, created on first use (for <see cref="BatchLoader{TKey, TValue}.LoadManyAsync"/>).</summary>
    /// <param name="context">The resolver's context.</param>
    /// <param name="loaderName">Names the loader within the request.</param>
    /// <param name="load">Loads many keys at once.</param>
    public static BatchLoader<TKey, TValue> BatchLoader<TKey, TValue>(
        this IResolverContext context,
        string loaderName,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(loaderName);
        ArgumentNullException.ThrowIfNull(load);
        var scope = context is ResolverContext ours
            ? ours.Execution.Loaders
            : (BatchLoaderScope)context.RequestItems.GetOrAdd(ScopeKey, new BatchLoaderScope(post: null, wake: null, context.CancellationToken));
        return scope.GetOrCreate(loaderName, load);
    }

    private static object GetOrAdd(this IDictionary<string, object> items, string key, object value)
    {
        if (items.TryGetValue(key, out var existing))
        {
            return existing;
        }

        items[key] = value;
        return value;
    }
}
