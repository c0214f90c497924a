namespace Tasks.Projections.Queries;

/// <summary>One row of a page with the opaque cursor that points at it.</summary>
/// <typeparam name="T">What the row mapper made of the row.</typeparam>
/// <param name="Node">The mapped row.</param>
/// <param name="Cursor">The cursor to pass as <c>after</c> or <c>before</c> to page from this row.</param>
public sealed record PageItem<T>(T Node, string Cursor);

/// <summary>
/// A page of rows in sort order, Relay-style. The flag for the side being paged toward is exact (one extra row is
/// fetched); the other side's flag is reported as HotChocolate does: a forward page has a previous page when it was
/// asked for with <c>after</c>, a backward page has a next page when it was asked for with <c>before</c>.
/// </summary>
/// <typeparam name="T">What the row mapper made of each row.</typeparam>
/// <param name="Items">The rows, in sort order, with their cursors.</param>
/// <param name="HasNextPage">Whether rows follow the last item.</param>
/// <param name="HasPreviousPage">Whether rows precede the first item.</param>
/// <param name="TotalCount">How many rows match the filter, when asked for.</param>
public sealed record Page<T>(IReadOnlyList<PageItem<T>> Items, bool HasNextPage, bool HasPreviousPage, long? TotalCount)
{
    /// <summary>The first item's cursor, or null on an empty page.</summary>
    public string? StartCursor => Items.Count == 0 ? null : Items[0].Cursor;

    /// <summary>The last item's cursor, or null on an empty page.</summary>
    public string? EndCursor => Items.Count == 0 ? null : Items[^1].Cursor;
}
