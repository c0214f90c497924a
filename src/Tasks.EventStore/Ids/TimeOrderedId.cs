namespace Tasks.EventStore.Ids;

/// <summary>
/// UUID version 7 ids: they sort by creation time, so new rows land at the right edge of
/// their indexes instead of scattering writes across every page.
/// </summary>
public static class TimeOrderedId
{
    /// <summary>A new time-ordered id.</summary>
    public static Guid New() => Guid.CreateVersion7();

    /// <summary>A new time-ordered id for the given instant (for ids that must sort by a domain time).</summary>
    public static Guid At(DateTimeOffset time) => Guid.CreateVersion7(time);
}
