namespace Tasks.EventStore.Log;

/// <summary>
/// A place in the global log: the writing transaction's id, then the event's sequence number.
/// The log is ordered by this pair, not by sequence alone, so that it never has gaps.
/// </summary>
public readonly record struct LogPosition(ulong TransactionId, long Sequence) : IComparable<LogPosition>
{
    /// <summary>Before the first event.</summary>
    public static LogPosition Start { get; } = new(0, 0);

    /// <inheritdoc />
    public int CompareTo(LogPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Sequence.CompareTo(other.Sequence);
    }

    /// <summary>Whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> comes before or is <paramref name="right"/>.</summary>
    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> comes after or is <paramref name="right"/>.</summary>
    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"{TransactionId}/{Sequence}";
}
