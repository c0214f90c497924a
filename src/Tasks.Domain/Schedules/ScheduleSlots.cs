namespace Tasks.Domain.Schedules;

/// <summary>
/// The slot grid of a schedule: <c>start + k × interval</c> for k ≥ 0. Computed in UTC ticks, so the
/// results are UTC (equality of <see cref="DateTimeOffset"/> compares instants anyway).
/// </summary>
public static class ScheduleSlots
{
    /// <summary>The latest slot at or before <paramref name="at"/>.</summary>
    /// <param name="start">The first slot.</param>
    /// <param name="intervalSeconds">The interval, positive.</param>
    /// <param name="at">A time at or after <paramref name="start"/>.</param>
    /// <returns>The slot.</returns>
    public static DateTimeOffset SlotAtOrBefore(DateTimeOffset start, int intervalSeconds, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalSeconds);
        if (at < start)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "There is no slot before the first one.");
        }

        var interval = TimeSpan.FromSeconds(intervalSeconds).Ticks;
        var slots = (at.UtcTicks - start.UtcTicks) / interval;
        return new DateTimeOffset(start.UtcTicks + (slots * interval), TimeSpan.Zero);
    }

    /// <summary>
    /// The first slot strictly after <paramref name="at"/> (the first slot itself when <paramref name="at"/>
    /// is before it). Past the end of the calendar it is <see cref="DateTimeOffset.MaxValue"/>.
    /// </summary>
    /// <param name="start">The first slot.</param>
    /// <param name="intervalSeconds">The interval, positive.</param>
    /// <param name="at">Any time.</param>
    /// <returns>The slot.</returns>
    public static DateTimeOffset FirstSlotAfter(DateTimeOffset start, int intervalSeconds, DateTimeOffset at)
    {
        if (at < start)
        {
            return start;
        }

        var interval = TimeSpan.FromSeconds(intervalSeconds).Ticks;
        var next = SlotAtOrBefore(start, intervalSeconds, at).UtcTicks;
        return next > DateTimeOffset.MaxValue.UtcTicks - interval
            ? DateTimeOffset.MaxValue
            : new DateTimeOffset(next + interval, TimeSpan.Zero);
    }
}
