namespace Tasks.Projections.Queries;

/// <summary>The comparison operators of the query language.</summary>
public enum FilterOperator
{
    /// <summary>Equal; with a null value, IS NULL.</summary>
    Eq,

    /// <summary>Not equal (matches NULL); with a null value, IS NOT NULL.</summary>
    Ne,

    /// <summary>Greater than.</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Ge,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Le,

    /// <summary>Equal to one of a list of values.</summary>
    In,

    /// <summary>Equal to none of a list of values (matches NULL).</summary>
    Out,

    /// <summary>Text: holds the value as a substring (case-sensitive). List: holds the value as an element.</summary>
    Contains,

    /// <summary>The negation of <see cref="Contains"/> (matches NULL).</summary>
    Excludes,

    /// <summary>
    /// Text matches a whole-value pattern (case-sensitive): <c>*</c> is any run of characters, <c>?</c> exactly one;
    /// <c>\*</c>, <c>\?</c> and <c>\\</c> stand for the literal characters.
    /// </summary>
    Like,
}

/// <summary>How a list condition quantifies over the list's elements.</summary>
public enum ListQuantifier
{
    /// <summary>At least one element satisfies the condition.</summary>
    Some,

    /// <summary>Every element satisfies the condition (true for an empty list).</summary>
    All,

    /// <summary>No element satisfies the condition (true for an empty list).</summary>
    None,
}

/// <summary>The names operators and quantifiers have in the query language, used in error messages.</summary>
public static class QueryLanguageNames
{
    /// <summary>The query-language name of an operator, e.g. <c>eq</c> or <c>out</c>.</summary>
    public static string Of(FilterOperator filterOperator) => filterOperator switch
    {
        FilterOperator.Eq => "eq",
        FilterOperator.Ne => "ne",
        FilterOperator.Gt => "gt",
        FilterOperator.Ge => "ge",
        FilterOperator.Lt => "lt",
        FilterOperator.Le => "le",
        FilterOperator.In => "in",
        FilterOperator.Out => "out",
        FilterOperator.Contains => "contains",
        FilterOperator.Excludes => "excludes",
        FilterOperator.Like => "like",
        _ => throw new ArgumentOutOfRangeException(nameof(filterOperator), filterOperator, null),
    };

    /// <summary>The query-language name of a quantifier: <c>some</c>, <c>all</c> or <c>none</c>.</summary>
    public static string Of(ListQuantifier quantifier) => quantifier switch
    {
        ListQuantifier.Some => "some",
        ListQuantifier.All => "all",
        ListQuantifier.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(quantifier), quantifier, null),
    };
}
