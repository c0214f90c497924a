namespace Tasks.Projections.Rebuild;

/// <summary>Where a rebuild stands.</summary>
/// <param name="Projection">The projection being rebuilt.</param>
/// <param name="Phase">What it is doing.</param>
/// <param name="EventsApplied">Events applied so far.</param>
/// <param name="EventsEstimated">About how many events the bulk phase has to apply (from table statistics).</param>
public sealed record RebuildProgress(string Projection, RebuildPhase Phase, long EventsApplied, long EventsEstimated);

/// <summary>The phases of a rebuild.</summary>
public enum RebuildPhase
{
    /// <summary>Creating empty copies of the tables.</summary>
    Preparing,

    /// <summary>Folding every stream finished before the start into rows.</summary>
    BulkLoading,

    /// <summary>Building the indexes of the new tables.</summary>
    Indexing,

    /// <summary>Applying events written since the start.</summary>
    CatchingUp,

    /// <summary>Locking writers out briefly, applying the last events and swapping the tables.</summary>
    Swapping,

    /// <summary>The new tables are live.</summary>
    Done,
}
