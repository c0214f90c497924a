namespace Tasks.Api.Filtering;

/// <summary>Orders UUIDs as PostgreSQL does: by their 16 bytes in the canonical (big-endian) order, unsigned.</summary>
internal static class UuidOrder
{
    public static int Compare(Guid left, Guid right)
    {
        Span<byte> leftBytes = stackalloc byte[16];
        Span<byte> rightBytes = stackalloc byte[16];
        left.TryWriteBytes(leftBytes, bigEndian: true, out _);
        right.TryWriteBytes(rightBytes, bigEndian: true, out _);
        return leftBytes.SequenceCompareTo(rightBytes);
    }
}
