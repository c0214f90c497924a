using System.Collections.Concurrent;

namespace Tasks.Api.Functions;

/// <summary>
/// The functions task creation needs (existence and default priority), cached briefly: creating a task would otherwise
/// read the function on every call. Only found functions are cached, so a function just registered is seen at once;
/// changes made through this process evict at once, changes made elsewhere are seen within <see cref="TimeToLive"/>.
/// </summary>
public sealed class FunctionCatalog(FunctionReader reader, TimeProvider clock)
{
    /// <summary>How long a cached function is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (FunctionView Function, DateTimeOffset Expires)> cache = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The function named <paramref name="name"/>, or null.</summary>
    public async Task<FunctionView?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await FindManyAsync([name], cancellationToken)).GetValueOrDefault(name);

    /// <summary>The functions of <paramref name="names"/> that exist.</summary>
    public async Task<IReadOnlyDictionary<string, FunctionView>> FindManyAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var now = clock.GetUtcNow();
        var found = new Dictionary<string, FunctionView>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<string>();
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (cache.TryGetValue(name, out var entry) && entry.Expires > now)
            {
                found[name] = entry.Function;
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (name, function) in await reader.FindManyAsync(missing, cancellationToken))
            {
                cache[name] = (function, now + TimeToLive);
                found[name] = function;
            }
        }

        return found;
    }

    /// <summary>Forgets <paramref name="name"/> after it changed.</summary>
    public void Evict(string name) => cache.TryRemove(name, out _);

    /// <summary>Forgets the function whose stream is <paramref name="streamId"/> (events other than registration carry no name).</summary>
    public void EvictStream(Guid streamId)
    {
        foreach (var (name, entry) in cache)
        {
            if (entry.Function.StreamId == streamId)
            {
                cache.TryRemove(name, out _);
            }
        }
    }
}
