using System.Collections;
using System.Globalization;
using Tasks.GraphQL.Execution;
using Tasks.Projections.Queries;

namespace Tasks.Api.Tests.Filtering;

/// <summary>
/// Builds inputs shaped as the engine coerces them (Dictionary for input objects, object?[] for lists) and prints
/// filter trees, whose records compare lists by reference, in a form tests can compare.
/// </summary>
internal static class FilterTrees
{
    public static Dictionary<string, object?> Obj(params (string Name, object? Value)[] fields)
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            input.Add(name, value);
        }

        return input;
    }

    public static object?[] List(params object?[] items) => items;

    public static string Print(QueryFilter? filter) => filter switch
    {
        null => "<none>",
        AndFilter and => $"and({string.Join(", ", and.Filters.Select(Print))})",
        OrFilter or => $"or({string.Join(", ", or.Filters.Select(Print))})",
        NotFilter not => $"not({Print(not.Filter)})",
        FieldCondition condition => $"{condition.Field} {QueryLanguageNames.Of(condition.Operator)} {Value(condition.Value)}",
        ListCondition list => $"{list.Field} {QueryLanguageNames.Of(list.Quantifier)}({string.Join(", ", list.Conditions.Select(c => $"{QueryLanguageNames.Of(c.Operator)} {Value(c.Value)}"))})",
        ListAnyCondition any => $"{any.Field} any {Value(any.HasElements)}",
        _ => throw new ArgumentException(filter.GetType().Name),
    };

    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        IEnumerable items => $"[{string.Join(", ", items.Cast<object?>().Select(Value))}]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>Runs <paramref name="action"/>, which must fail with a VALIDATION error on <paramref name="field"/>.</summary>
    public static GraphQLException AssertValidation(string field, Action action)
    {
        var error = Assert.Throws<GraphQLException>(action);
        Assert.Equal("VALIDATION", error.Code);
        Assert.NotNull(error.Extensions);
        Assert.Equal(field, error.Extensions["field"]);
        return error;
    }
}
