namespace Tasks.Projections.Queries;

/// <summary>
/// A filter over a read model: an immutable tree of and/or/not nodes over field conditions.
/// Every node is two-valued: a condition on a NULL column is plainly true or false (see <see cref="FilterOperator"/>),
/// so <see cref="NotFilter"/> is always the exact complement of its operand.
/// </summary>
public abstract record QueryFilter
{
    private protected QueryFilter()
    {
    }

    /// <summary>All of the filters hold (true when there are none).</summary>
    public static QueryFilter And(params IReadOnlyList<QueryFilter> filters) => new AndFilter(filters);

    /// <summary>At least one of the filters holds (false when there are none).</summary>
    public static QueryFilter Or(params IReadOnlyList<QueryFilter> filters) => new OrFilter(filters);

    /// <summary>The filter does not hold.</summary>
    public static QueryFilter Not(QueryFilter filter) => new NotFilter(filter);

    /// <summary>A condition on one field.</summary>
    public static QueryFilter Where(string field, FilterOperator filterOperator, object? value) =>
        new FieldCondition(field, filterOperator, value);

    /// <summary>A quantified condition on the elements of a list field, e.g. <c>tags: { some: { eq: "x" } }</c>.</summary>
    public static QueryFilter Elements(string field, ListQuantifier quantifier, FilterOperator filterOperator, object? value) =>
        new ListCondition(field, quantifier, [new ElementCondition(filterOperator, value)]);

    /// <summary>A list field is non-empty (<paramref name="hasElements"/> true) or empty (false).</summary>
    public static QueryFilter Any(string field, bool hasElements) => new ListAnyCondition(field, hasElements);
}

/// <summary>All of <see cref="Filters"/> hold; true when there are none.</summary>
/// <param name="Filters">The operands.</param>
public sealed record AndFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter;

/// <summary>At least one of <see cref="Filters"/> holds; false when there are none.</summary>
/// <param name="Filters">The operands.</param>
public sealed record OrFilter(IReadOnlyList<QueryFilter> Filters) : QueryFilter;

/// <summary><see cref="Filter"/> does not hold.</summary>
/// <param name="Filter">The operand.</param>
public sealed record NotFilter(QueryFilter Filter) : QueryFilter;

/// <summary>
/// A condition on one field: <c>field operator value</c>. For <see cref="FilterOperator.In"/> and
/// <see cref="FilterOperator.Out"/> the value is a sequence (not a string) of non-null values.
/// </summary>
/// <param name="Field">The public field name.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The value, typed for the field's kind, or null with eq/ne.</param>
public sealed record FieldCondition(string Field, FilterOperator Operator, object? Value) : QueryFilter;

/// <summary>
/// A quantified condition on the elements of a list field: some, all or none of the elements satisfy every one of
/// <see cref="Conditions"/> (they are and-ed, as several operators on one GraphQL input object are).
/// </summary>
/// <param name="Field">The public name of a list field.</param>
/// <param name="Quantifier">Some, all or none.</param>
/// <param name="Conditions">The conditions on one element; at least one.</param>
public sealed record ListCondition(string Field, ListQuantifier Quantifier, IReadOnlyList<ElementCondition> Conditions) : QueryFilter;

/// <summary>A list field is non-empty (<see cref="HasElements"/> true) or empty (false).</summary>
/// <param name="Field">The public name of a list field.</param>
/// <param name="HasElements">True for non-empty, false for empty.</param>
public sealed record ListAnyCondition(string Field, bool HasElements) : QueryFilter;

/// <summary>A condition on one element of a list: <c>element operator value</c>; the value is never null.</summary>
/// <param name="Operator">The operator.</param>
/// <param name="Value">The value, typed for the list's element kind.</param>
public sealed record ElementCondition(FilterOperator Operator, object? Value);
