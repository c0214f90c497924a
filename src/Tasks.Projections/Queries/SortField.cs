namespace Tasks.Projections.Queries;

/// <summary>The direction of one sort key.</summary>
public enum SortDirection
{
    /// <summary>Smallest first; NULLs last (the PostgreSQL default for ASC).</summary>
    Ascending,

    /// <summary>Largest first; NULLs first (the PostgreSQL default for DESC).</summary>
    Descending,
}

/// <summary>One key of a sort: a sortable field by its public name and a direction.</summary>
/// <param name="Field">The public field name, e.g. <c>creationTimestamp</c>.</param>
/// <param name="Direction">The direction.</param>
public sealed record SortField(string Field, SortDirection Direction = SortDirection.Ascending);
