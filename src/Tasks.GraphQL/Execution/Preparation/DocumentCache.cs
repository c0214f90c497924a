using System.Collections.Concurrent;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>
/// Parsed and validated documents by the hash of their text, bounded in size. Lookups are lock-free; when the cache
/// grows past its capacity the least recently used tenth is evicted under a lock, so eviction work is amortized.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    private readonly ConcurrentDictionary<DocumentHash, CachedDocument> entries = new();
    private readonly Lock evictionGate = new();
    private long clock;
    private long hits;
    private long misses;

    public DocumentCacheStatistics Statistics => new(Interlocked.Read(ref hits), Interlocked.Read(ref misses), entries.Count);

    public bool TryGet(DocumentHash hash, out CachedDocument document)
    {
        if (capacity > 0 && entries.TryGetValue(hash, out var found))
        {
            found.LastUsed = Interlocked.Increment(ref clock);
            Interlocked.Increment(ref hits);
            document = found;
            return true;
        }

        Interlocked.Increment(ref misses);
        document = null!;
        return false;
    }

    public void Add(DocumentHash hash, CachedDocument document)
    {
        if (capacity <= 0)
        {
            return;
        }

        document.LastUsed = Interlocked.Increment(ref clock);
        entries[hash] = document;
        if (entries.Count > capacity)
        {
            Evict();
        }
    }

    private void Evict()
    {
        lock (evictionGate)
        {
            var excess = entries.Count - capacity;
            if (excess <= 0)
            {
                return;
            }

            var victims = entries.OrderBy(e => e.Value.LastUsed).Take(Math.Max(excess, capacity / 10)).Select(e => e.Key).ToArray();
            foreach (var victim in victims)
            {
                entries.TryRemove(victim, out _);
            }
        }
    }
}
