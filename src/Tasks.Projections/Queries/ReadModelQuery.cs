namespace Tasks.Projections.Queries;

/// <summary>
/// Relay-style paging arguments. Give <see cref="First"/> (optionally with <see cref="After"/>) to page forward, or
/// <see cref="Last"/> (optionally with <see cref="Before"/>) to page backward; <c>after</c> and <c>before</c> may
/// also be combined to bound a window. Giving neither size pages forward by the model's default page size.
/// </summary>
/// <param name="First">How many rows after <see cref="After"/>; 0 gives an empty page.</param>
/// <param name="After">The cursor of the row the page starts after.</param>
/// <param name="Last">How many rows before <see cref="Before"/>; 0 gives an empty page.</param>
/// <param name="Before">The cursor of the row the page ends before.</param>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null);

/// <summary>One query over a read model: what to keep, in which order, which page, and whether to count.</summary>
/// <param name="Filter">The filter, or null for every row.</param>
/// <param name="Sort">The sort keys, or null/empty for the model's default sort; the key field is appended.</param>
/// <param name="Page">The paging arguments, or null for the first page of default size.</param>
/// <param name="IncludeTotalCount">Whether to also count every row matching the filter (a second query).</param>
public sealed record ReadModelQuery(
    QueryFilter? Filter = null,
    IReadOnlyList<SortField>? Sort = null,
    PageRequest? Page = null,
    bool IncludeTotalCount = false);
