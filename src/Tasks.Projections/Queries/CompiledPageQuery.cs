using Npgsql;

namespace Tasks.Projections.Queries;

/// <summary>
/// A compiled page query: the page SQL (which fetches one row more than the page size), the optional count SQL,
/// and what is needed to turn the fetched rows into a <see cref="Page{T}"/>.
/// </summary>
public sealed class CompiledPageQuery
{
    private readonly IReadOnlyList<SortKey> keys;
    private readonly string fingerprint;

    internal CompiledPageQuery(
        CompiledQuery query,
        CompiledQuery? countQuery,
        int pageSize,
        bool isBackward,
        PageRequest page,
        int cursorColumnOffset,
        IReadOnlyList<SortKey> keys,
        string fingerprint)
    {
        Query = query;
        CountQuery = countQuery;
        PageSize = pageSize;
        IsBackward = isBackward;
        HasAfterCursor = page.After is not null;
        HasBeforeCursor = page.Before is not null;
        CursorColumnOffset = cursorColumnOffset;
        this.keys = keys;
        this.fingerprint = fingerprint;
    }

    /// <summary>
    /// The page query. It selects the requested columns (ordinals 0 to <see cref="CursorColumnOffset"/> - 1, in the
    /// order asked), then the sort-key values the cursor is made of, and returns at most <see cref="PageSize"/> + 1
    /// rows, in reverse sort order when <see cref="IsBackward"/>.
    /// </summary>
    public CompiledQuery Query { get; }

    /// <summary>The <c>count(*)</c> query over the same filter, when the total count was asked for.</summary>
    public CompiledQuery? CountQuery { get; }

    /// <summary>The most items the page holds.</summary>
    public int PageSize { get; }

    /// <summary>Whether the page is taken from the end (<c>last</c>/<c>before</c>), so rows arrive reversed.</summary>
    public bool IsBackward { get; }

    /// <summary>Whether the page was asked for with an <c>after</c> cursor.</summary>
    public bool HasAfterCursor { get; }

    /// <summary>Whether the page was asked for with a <c>before</c> cursor.</summary>
    public bool HasBeforeCursor { get; }

    /// <summary>The ordinal of the first column the cursor is read from.</summary>
    public int CursorColumnOffset { get; }

    /// <summary>The sort actually applied: the requested (or default) sort followed by the key field.</summary>
    public IReadOnlyList<SortField> EffectiveSort =>
        [.. keys.Select(k => new SortField(k.Field.Name, k.Descending ? SortDirection.Descending : SortDirection.Ascending))];

    /// <summary>The cursor of the row the reader is on.</summary>
    public string ReadCursor(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return PageCursor.Encode(fingerprint, keys, PageCursor.ReadValues(reader, CursorColumnOffset, keys));
    }

    /// <summary>
    /// The cursor of a row known by its values for each key of <see cref="EffectiveSort"/>, in that order (e.g. a
    /// row that was just created); typed as filter values are (null only for nullable fields).
    /// </summary>
    /// <exception cref="ArgumentException">The values do not fit the sort keys.</exception>
    public string CreateCursor(IReadOnlyList<object?> sortKeyValues)
    {
        ArgumentNullException.ThrowIfNull(sortKeyValues);
        if (sortKeyValues.Count != keys.Count)
        {
            throw new ArgumentException($"expected {keys.Count} values, one per sort key", nameof(sortKeyValues));
        }

        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var field = keys[i].Field;
            if (sortKeyValues[i] is not { } value)
            {
                values[i] = field.IsNullable ? null : throw new ArgumentException($"'{field.Name}' is never null", nameof(sortKeyValues));
            }
            else if (!FieldValues.TryConvert(field.Kind, field.EnumValues, value, out values[i]))
            {
                throw new ArgumentException($"'{field.Name}' expects {FieldValues.Expected(field.Kind, field.EnumValues)}", nameof(sortKeyValues));
            }
        }

        return PageCursor.Encode(fingerprint, keys, values);
    }

    /// <summary>
    /// Makes the page from the rows <see cref="Query"/> returned, in the order it returned them: drops the extra
    /// row (which only tells that more rows follow) and restores sort order for a backward page.
    /// </summary>
    public Page<T> ToPage<T>(IReadOnlyList<PageItem<T>> fetched, long? totalCount)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        var more = fetched.Count > PageSize;
        var items = fetched.Take(PageSize).ToList();
        if (IsBackward)
        {
            items.Reverse();
            return new Page<T>(items, HasNextPage: HasBeforeCursor, HasPreviousPage: more, totalCount);
        }

        return new Page<T>(items, HasNextPage: more, HasPreviousPage: HasAfterCursor, totalCount);
    }
}
