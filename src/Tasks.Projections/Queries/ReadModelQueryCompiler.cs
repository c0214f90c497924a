using System.Text;
using NpgsqlTypes;

namespace Tasks.Projections.Queries;

/// <summary>
/// Turns a filter, sort and page request over a described read model into one parameterized SQL query
/// (plus a count query when asked), validating everything first.
/// </summary>
public static class ReadModelQueryCompiler
{
    /// <summary>Compiles the page query (and the count query if <see cref="ReadModelQuery.IncludeTotalCount"/>).</summary>
    /// <param name="model">The read model queried.</param>
    /// <param name="query">The filter, sort and page request.</param>
    /// <param name="columns">The columns the row mapper reads, from <see cref="ReadModelDescription.SelectableColumns"/>.</param>
    /// <exception cref="QueryValidationException">The query is not valid for the model; its errors say why.</exception>
    /// <exception cref="ArgumentException">A column is not selectable (a programming error, not a user one).</exception>
    public static CompiledPageQuery Compile(ReadModelDescription model, ReadModelQuery query, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count == 0)
        {
            throw new ArgumentException("select at least one column", nameof(columns));
        }

        foreach (var column in columns)
        {
            if (column is null || !model.SelectableColumns.Contains(column))
            {
                throw new ArgumentException($"'{column}' is not a selectable column of {model.Table}", nameof(columns));
            }
        }

        var errors = new List<QueryError>();
        var page = query.Page ?? new PageRequest();
        var pageSize = ResolvePageSize(model, page, errors);
        var backward = page.Last is not null && page.First is null;
        var keys = ResolveSort(model, query.Sort, errors);
        var fingerprint = keys is null ? "" : PageCursor.Fingerprint(model, keys);
        var after = keys is null ? null : DecodeCursor(page.After, "after", fingerprint, keys, errors);
        var before = keys is null ? null : DecodeCursor(page.Before, "before", fingerprint, keys, errors);

        var parameters = new SqlParameterList();
        var filterSql = query.Filter is null ? null : new FilterSqlBuilder(model, parameters, errors).Build(query.Filter);
        if (errors.Count > 0)
        {
            throw new QueryValidationException(errors);
        }

        var sortKeys = keys!;
        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(", ", columns);
        for (var i = 0; i < sortKeys.Count; i++)
        {
            sql.Append(", ").Append(sortKeys[i].Field.Column).Append(" AS cursor_key_").Append(i);
        }

        sql.Append(" FROM ").Append(model.Table);
        var conditions = new List<string>(3);
        if (filterSql is not null)
        {
            conditions.Add(filterSql);
        }

        if (after is not null)
        {
            conditions.Add(KeysetSqlBuilder.After(sortKeys, after, reversed: false, parameters));
        }

        if (before is not null)
        {
            conditions.Add(KeysetSqlBuilder.After(sortKeys, before, reversed: true, parameters));
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        // ASC and DESC keep PostgreSQL's default NULL placement (last / first), which the keyset predicate assumes
        // and which plain btree indexes serve in either scan direction.
        sql.Append(" ORDER BY ").AppendJoin(", ", sortKeys.Select(k => k.Field.Column + (k.Descending != backward ? " DESC" : " ASC")));
        // One extra row tells whether another page follows.
        sql.Append(" LIMIT ").Append(parameters.Add(pageSize + 1, NpgsqlDbType.Integer));

        var countQuery = query.IncludeTotalCount ? CompileCount(model, query.Filter) : null;
        return new CompiledPageQuery(
            new CompiledQuery(sql.ToString(), parameters.Items),
            countQuery,
            pageSize,
            backward,
            page,
            columns.Count,
            sortKeys,
            fingerprint);
    }

    /// <summary>Compiles <c>SELECT count(*)</c> over the rows matching a filter.</summary>
    /// <exception cref="QueryValidationException">The filter is not valid for the model.</exception>
    public static CompiledQuery CompileCount(ReadModelDescription model, QueryFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new List<QueryError>();
        var parameters = new SqlParameterList();
        var filterSql = filter is null ? null : new FilterSqlBuilder(model, parameters, errors).Build(filter);
        if (errors.Count > 0)
        {
            throw new QueryValidationException(errors);
        }

        var sql = $"SELECT count(*) FROM {model.Table}" + (filterSql is null ? "" : $" WHERE {filterSql}");
        return new CompiledQuery(sql, parameters.Items);
    }

    private static int ResolvePageSize(ReadModelDescription model, PageRequest page, List<QueryError> errors)
    {
        if (page.First is not null && page.Last is not null)
        {
            errors.Add(new QueryError(QueryErrorCode.ConflictingPageArguments, "give 'first' or 'last', not both", "first"));
        }

        foreach (var (name, size) in new[] { ("first", page.First), ("last", page.Last) })
        {
            if (size is < 0 || size > model.MaxPageSize)
            {
                errors.Add(new QueryError(QueryErrorCode.InvalidPageSize, $"'{name}' must be between 0 and {model.MaxPageSize}", name));
            }
        }

        return page.First ?? page.Last ?? Math.Min(model.DefaultPageSize, model.MaxPageSize);
    }

    private static List<SortKey>? ResolveSort(ReadModelDescription model, IReadOnlyList<SortField>? sort, List<QueryError> errors)
    {
        var requested = sort is { Count: > 0 } ? sort : model.DefaultSort;
        var keys = new List<SortKey>(requested.Count + 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var item in requested)
        {
            if (item is null || !model.TryGetField(item.Field, out var field))
            {
                errors.Add(new QueryError(QueryErrorCode.UnknownField, $"'{item?.Field}' is not a field that can be sorted on", item?.Field));
                valid = false;
            }
            else if (!field.IsSortable)
            {
                errors.Add(new QueryError(QueryErrorCode.FieldNotSortable, $"'{field.Name}' cannot be sorted on", field.Name));
                valid = false;
            }
            else if (!seen.Add(field.Name))
            {
                errors.Add(new QueryError(QueryErrorCode.DuplicateSortField, $"'{field.Name}' appears twice in the sort", field.Name));
                valid = false;
            }
            else if (!Enum.IsDefined(item.Direction))
            {
                errors.Add(new QueryError(QueryErrorCode.InvalidValue, $"unknown sort direction for '{field.Name}'", field.Name));
                valid = false;
            }
            else
            {
                keys.Add(new SortKey(field, item.Direction == SortDirection.Descending));
            }
        }

        if (!valid)
        {
            return null;
        }

        var keyAt = keys.FindIndex(k => k.Field == model.Key);
        if (keyAt >= 0)
        {
            // Nothing after a unique key can change the order; dropping it keeps the key last, as the keyset needs.
            keys.RemoveRange(keyAt + 1, keys.Count - keyAt - 1);
        }
        else
        {
            // The unique key makes the order total, which keyset paging needs; it follows the last key's direction
            // so that e.g. (created_at DESC, id DESC) is one backward scan of an index on (created_at, id).
            keys.Add(new SortKey(model.Key, keys.Count > 0 && keys[^1].Descending));
        }

        return keys;
    }

    private static object?[]? DecodeCursor(string? cursor, string argument, string fingerprint, IReadOnlyList<SortKey> keys, List<QueryError> errors)
    {
        if (cursor is null)
        {
            return null;
        }

        var error = PageCursor.TryDecode(cursor, argument, fingerprint, keys, out var values);
        if (error is not null)
        {
            errors.Add(error);
            return null;
        }

        return values;
    }
}
