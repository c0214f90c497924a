using Tasks.Projections.Queries;

namespace Tasks.Api.Paging;

/// <summary>
/// A Relay connection over a page of read-model rows. The total count is a separate query, run only when a client
/// selects <c>totalCount</c>, because counting a large table costs far more than reading a page of it.
/// </summary>
/// <typeparam name="T">The node type.</typeparam>
public sealed class Connection<T>(Page<T> page, Func<CancellationToken, Task<long>> count)
{
    /// <summary>The rows with their cursors.</summary>
    public IReadOnlyList<Edge<T>> Edges { get; } = [.. page.Items.Select(i => new Edge<T>(i.Cursor, i.Node))];

    /// <summary>The rows.</summary>
    public IReadOnlyList<T> Nodes { get; } = [.. page.Items.Select(i => i.Node)];

    /// <summary>Where the page sits.</summary>
    public PageInfo PageInfo { get; } = new(page.HasNextPage, page.HasPreviousPage, page.StartCursor, page.EndCursor);

    /// <summary>Counts every row that matches the filter.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken) => count(cancellationToken);
}

/// <summary>One row of a connection and its cursor.</summary>
/// <typeparam name="T">The node type.</typeparam>
/// <param name="Cursor">The opaque cursor of the row.</param>
/// <param name="Node">The row.</param>
public sealed record Edge<T>(string Cursor, T Node);

/// <summary>Relay page information.</summary>
/// <param name="HasNextPage">Rows follow the page.</param>
/// <param name="HasPreviousPage">Rows precede the page.</param>
/// <param name="StartCursor">The first row's cursor.</param>
/// <param name="EndCursor">The last row's cursor.</param>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
