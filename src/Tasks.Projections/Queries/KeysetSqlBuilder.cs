namespace Tasks.Projections.Queries;

/// <summary>
/// Builds the keyset predicate "this row comes after the cursor row" for a sort of any mix of directions over
/// nullable or non-null columns, following PostgreSQL's default NULL placement (last ascending, first descending).
/// </summary>
internal static class KeysetSqlBuilder
{
    /// <summary>
    /// Rows strictly after the cursor row in the sort order, or in the reversed order when
    /// <paramref name="reversed"/> (i.e. strictly before it). The cursor's values are added as parameters.
    /// </summary>
    public static string After(IReadOnlyList<SortKey> keys, IReadOnlyList<object?> cursor, bool reversed, SqlParameterList parameters)
    {
        var placeholders = new string?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            placeholders[i] = cursor[i] is { } value ? parameters.Add(value, FieldValues.DbType(keys[i].Field.Kind)) : null;
        }

        // Reversing ASC NULLS LAST gives DESC NULLS FIRST, the DESC default: flipping the direction is the whole reversal.
        var descending = keys.Select(k => k.Descending != reversed).ToArray();
        if (keys.All(k => !k.Field.IsNullable) && descending.All(d => d == descending[0]))
        {
            // A row comparison is what a multi-column index serves directly.
            var columns = string.Join(", ", keys.Select(k => k.Field.Column));
            return keys.Count == 1
                ? $"{columns} {(descending[0] ? "<" : ">")} {placeholders[0]}"
                : $"({columns}) {(descending[0] ? "<" : ">")} ({string.Join(", ", placeholders)})";
        }

        var predicate = Level(keys, placeholders, descending, 0);
        var first = keys[0].Field;
        // The leading column's bound is implied by the OR tree but lets the planner use an index range on it.
        return first.IsNullable
            ? predicate
            : $"{first.Column} {(descending[0] ? "<=" : ">=")} {placeholders[0]} AND {predicate}";
    }

    // after(i) = strictly-after on key i, or equal on key i and after(i + 1); the last key is the unique, non-null key.
    private static string Level(IReadOnlyList<SortKey> keys, string?[] placeholders, bool[] descending, int i)
    {
        var column = keys[i].Field.Column;
        var value = placeholders[i];
        var strictlyAfter = (value, descending[i]) switch
        {
            (null, false) => null, // NULLs are last: nothing is after them on this key.
            (null, true) => $"{column} IS NOT NULL", // NULLs are first: every value is after them.
            (_, false) => keys[i].Field.IsNullable ? $"({column} > {value} OR {column} IS NULL)" : $"{column} > {value}",
            (_, true) => $"{column} < {value}",
        };
        if (i == keys.Count - 1)
        {
            return strictlyAfter ?? throw new InvalidOperationException("the last sort key must be the non-null key field");
        }

        var equal = value is null ? $"{column} IS NULL" : $"{column} = {value}";
        var tied = $"({equal} AND {Level(keys, placeholders, descending, i + 1)})";
        return strictlyAfter is null ? tied : $"({strictlyAfter} OR {tied})";
    }
}
