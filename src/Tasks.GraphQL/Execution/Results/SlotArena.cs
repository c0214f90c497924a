using System.Buffers;
using Tasks.GraphQL.Execution.Planning;

namespace Tasks.GraphQL.Execution.Results;

/// <summary>
/// The slots of one execution's result, bump-allocated from a few large pooled chunks: holding hundreds of small
/// rented arrays at once would overflow the shared pool and allocate anyway. A discarded subtree's slots are not
/// reused; everything goes back to the pool when the execution ends.
/// </summary>
internal sealed class SlotArena : IDisposable
{
    private const int ChunkSize = 1024;
    private readonly List<(ResultSlot[] Chunk, int Used)> retired = [];
    private ResultSlot[] current = [];
    private int used;

    /// <summary>Slots for an object (with its <paramref name="selection"/>) or a list (without), placed under <paramref name="parent"/>.</summary>
    /// <returns>The chunk and the offset of the container's first slot.</returns>
    public (ResultSlot[] Chunk, int Offset) Allocate(int count, SelectionPlan? selection, ResultPosition parent)
    {
        var needed = count + 1;
        if (used + needed > current.Length)
        {
            if (current.Length > 0)
            {
                retired.Add((current, used));
            }

            current = ArrayPool<ResultSlot>.Shared.Rent(Math.Max(ChunkSize, needed));
            used = 0;
        }

        var chunk = current;
        var offset = used + 1;
        Array.Clear(chunk, used, needed);
        chunk[used].SetHeader(parent, selection);
        used += needed;
        return (chunk, offset);
    }

    public void Dispose()
    {
        foreach (var (chunk, count) in retired)
        {
            Return(chunk, count);
        }

        retired.Clear();
        if (current.Length > 0)
        {
            Return(current, used);
            current = [];
        }
    }

    private static void Return(ResultSlot[] chunk, int count)
    {
        // Only the used part holds references worth dropping; the pool hands chunks out as they come back.
        Array.Clear(chunk, 0, count);
        ArrayPool<ResultSlot>.Shared.Return(chunk);
    }
}
