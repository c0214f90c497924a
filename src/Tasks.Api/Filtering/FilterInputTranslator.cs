using System.Collections;
using Tasks.Projections.Queries;
using static Tasks.Api.Filtering.FilterInputNames;

namespace Tasks.Api.Filtering;

/// <summary>
/// Turns a coerced <c>where</c> argument (the engine's dictionaries and arrays) into a <see cref="QueryFilter"/> over
/// the read model, so resolvers never interpret filter inputs themselves. Fields and operators in one object are
/// and-ed; an explicit null counts as absent, except <c>eq: null</c> (is null) and <c>neq: null</c> (is not null).
/// </summary>
/// <remarks>
/// Whatever the type system cannot rule out is refused here as a VALIDATION <see cref="global::Tasks.GraphQL.Execution.GraphQLException"/>
/// whose <c>field</c> extension is the argument path, e.g. <c>where.tags.some.like</c>. The query compiler checks the
/// tree again against the read model (limits, operators per column).
/// </remarks>
public static class FilterInputTranslator
{
    /// <summary>The filter <paramref name="where"/> asks for, or null when it sets no condition.</summary>
    /// <param name="mapping">The input type's mapping, e.g. <see cref="FilterInputMapping.Task"/>.</param>
    /// <param name="where">The coerced argument: null or an input object (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>).</param>
    /// <param name="argument">The argument's name, the first segment of error paths.</param>
    /// <exception cref="global::Tasks.GraphQL.Execution.GraphQLException">The input is not valid (code VALIDATION).</exception>
    public static QueryFilter? Translate(FilterInputMapping mapping, object? where, string argument = "where")
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentException.ThrowIfNullOrEmpty(argument);
        if (where is null)
        {
            return null;
        }

        var parts = new List<QueryFilter>();
        AddObject(mapping, RequireObject(where, argument), argument, parts);
        return parts.Count == 0 ? null : Combine(parts);
    }

    private static QueryFilter Combine(List<QueryFilter> parts) =>
        parts.Count == 1 ? parts[0] : QueryFilter.And(parts);

    private static QueryFilter ObjectFilter(FilterInputMapping mapping, IReadOnlyDictionary<string, object?> input, string path)
    {
        var parts = new List<QueryFilter>();
        AddObject(mapping, input, path, parts);

        // An empty object is no condition: and of nothing, which is true.
        return Combine(parts);
    }

    private static void AddObject(FilterInputMapping mapping, IReadOnlyDictionary<string, object?> input, string path, List<QueryFilter> parts)
    {
        foreach (var (name, value) in input)
        {
            var at = $"{path}.{name}";
            var isCombinator = mapping.HasCombinators && IsCombinator(name);
            if (!isCombinator && !mapping.Fields.ContainsKey(name))
            {
                throw FilterValidation.Error(at, $"{mapping.TypeName} has no field '{name}'");
            }

            if (value is null)
            {
                continue;
            }

            switch (name)
            {
                case And when isCombinator:
                    var conjuncts = RequireList(value, at);
                    for (var i = 0; i < conjuncts.Count; i++)
                    {
                        // Every operand must hold, as the object's own fields must: one flat conjunction.
                        AddObject(mapping, RequireObject(conjuncts[i], $"{at}[{i}]"), $"{at}[{i}]", parts);
                    }

                    break;
                case Or when isCombinator:
                    var disjuncts = RequireList(value, at);
                    if (disjuncts.Count == 0)
                    {
                        // Or of nothing matches nothing; a list left empty by mistake should not silently hide every row.
                        throw FilterValidation.Error(at, "give at least one filter to choose from");
                    }

                    var alternatives = new List<QueryFilter>(disjuncts.Count);
                    for (var i = 0; i < disjuncts.Count; i++)
                    {
                        alternatives.Add(ObjectFilter(mapping, RequireObject(disjuncts[i], $"{at}[{i}]"), $"{at}[{i}]"));
                    }

                    parts.Add(alternatives.Count == 1 ? alternatives[0] : QueryFilter.Or(alternatives));
                    break;
                case Not when isCombinator:
                    parts.Add(QueryFilter.Not(ObjectFilter(mapping, RequireObject(value, at), at)));
                    break;
                default:
                    var field = mapping.Fields[name];
                    var fieldInput = RequireObject(value, at);
                    if (field.Nested is { } nested)
                    {
                        AddObject(nested, fieldInput, at, parts);
                    }
                    else if (field.IsList)
                    {
                        AddList(field, fieldInput, at, parts);
                    }
                    else
                    {
                        AddOperations(field, fieldInput, at, parts);
                    }

                    break;
            }
        }
    }

    private static void AddOperations(FilterFieldMapping field, IReadOnlyDictionary<string, object?> operations, string path, List<QueryFilter> parts)
    {
        var kind = field.Kind!.Value;
        var readModelField = field.ReadModelField!;
        foreach (var (name, value) in operations)
        {
            var at = $"{path}.{name}";
            if (!Accepts(kind, name))
            {
                throw FilterValidation.Error(at, $"'{name}' is not an operator on '{field.Name}'");
            }

            if (value is null)
            {
                // Only eq and neq give null a meaning; elsewhere an explicit null is no condition.
                if (name is Eq or Neq)
                {
                    parts.Add(QueryFilter.Where(readModelField, name == Eq ? FilterOperator.Eq : FilterOperator.Ne, null));
                }

                continue;
            }

            var (filterOperator, operand, negated) = Operation(name, kind, field.EnumValues, value, at);
            var condition = QueryFilter.Where(readModelField, filterOperator, operand);
            parts.Add(negated ? QueryFilter.Not(condition) : condition);
        }
    }

    private static void AddList(FilterFieldMapping field, IReadOnlyDictionary<string, object?> quantifiers, string path, List<QueryFilter> parts)
    {
        var readModelField = field.ReadModelField!;
        var elementKind = ElementKind(field.Kind!.Value);
        foreach (var (name, value) in quantifiers)
        {
            var at = $"{path}.{name}";
            var quantifier = name switch
            {
                Some => ListQuantifier.Some,
                All => ListQuantifier.All,
                None => ListQuantifier.None,
                Any => (ListQuantifier?)null,
                _ => throw FilterValidation.Error(at, $"'{name}' is not an operator on list '{field.Name}': use some, all, none or any"),
            };
            if (value is null)
            {
                continue;
            }

            if (quantifier is null)
            {
                parts.Add(value is bool hasElements
                    ? QueryFilter.Any(readModelField, hasElements)
                    : throw FilterValidation.Error(at, $"expects a Boolean, got {FilterInputValues.Describe(value)}"));
                continue;
            }

            var positive = new List<ElementCondition>();
            var negated = new List<ElementCondition>();
            foreach (var (operatorName, operatorValue) in RequireObject(value, at))
            {
                var operatorAt = $"{at}.{operatorName}";
                if (!Accepts(elementKind, operatorName))
                {
                    throw FilterValidation.Error(operatorAt, $"'{operatorName}' is not an operator on the elements of '{field.Name}'");
                }

                if (operatorValue is null)
                {
                    if (operatorName is Eq or Neq)
                    {
                        throw FilterValidation.Error(operatorAt, "list elements are never null: compare them with a value");
                    }

                    continue;
                }

                var (filterOperator, operand, isNegated) = Operation(operatorName, elementKind, [], operatorValue, operatorAt);
                (isNegated ? negated : positive).Add(new ElementCondition(filterOperator, operand));
            }

            AddQuantified(readModelField, quantifier.Value, positive, negated, at, parts);
        }
    }

    /// <summary>
    /// Element conditions cannot be negated one by one, so nstartsWith, nendsWith and nlike are rewritten by the
    /// quantifier dualities: all(¬p) is none(p), some(¬p) is not all(p), none(¬p) is all(p). Under some and none that
    /// only works when the negated pattern stands alone.
    /// </summary>
    private static void AddQuantified(string field, ListQuantifier quantifier, List<ElementCondition> positive, List<ElementCondition> negated, string path, List<QueryFilter> parts)
    {
        if (negated.Count == 0)
        {
            if (positive.Count > 0)
            {
                parts.Add(new ListCondition(field, quantifier, positive));
            }
            else if (quantifier != ListQuantifier.All)
            {
                // An element input without operators holds for every element: some means non-empty, none empty.
                parts.Add(QueryFilter.Any(field, quantifier == ListQuantifier.Some));
            }

            return;
        }

        if (quantifier == ListQuantifier.All)
        {
            // Every element meets every condition: "all" distributes over "and".
            if (positive.Count > 0)
            {
                parts.Add(new ListCondition(field, ListQuantifier.All, positive));
            }

            foreach (var pattern in negated)
            {
                parts.Add(new ListCondition(field, ListQuantifier.None, [pattern]));
            }

            return;
        }

        if (positive.Count > 0 || negated.Count > 1)
        {
            throw FilterValidation.Error(
                path,
                "nstartsWith, nendsWith and nlike must stand alone under some and none: use not, or all, to combine them");
        }

        var allMatch = new ListCondition(field, ListQuantifier.All, negated);
        parts.Add(quantifier == ListQuantifier.Some ? QueryFilter.Not(allMatch) : allMatch);
    }

    /// <summary>The query operator, checked operand and negation of one non-null GraphQL operator.</summary>
    private static (FilterOperator Operator, object Operand, bool Negated) Operation(string name, FieldKind kind, IReadOnlyList<string> enumValues, object value, string path) => name switch
    {
        Eq => (FilterOperator.Eq, Scalar(kind, enumValues, value, path), false),
        Neq => (FilterOperator.Ne, Scalar(kind, enumValues, value, path), false),
        In => (FilterOperator.In, Values(kind, enumValues, value, path), false),
        Nin => (FilterOperator.Out, Values(kind, enumValues, value, path), false),
        Gt => (FilterOperator.Gt, Scalar(kind, enumValues, value, path), false),
        Gte => (FilterOperator.Ge, Scalar(kind, enumValues, value, path), false),
        Lt => (FilterOperator.Lt, Scalar(kind, enumValues, value, path), false),
        Lte => (FilterOperator.Le, Scalar(kind, enumValues, value, path), false),
        Contains => (FilterOperator.Contains, Scalar(kind, enumValues, value, path), false),
        Ncontains => (FilterOperator.Excludes, Scalar(kind, enumValues, value, path), false),
        StartsWith => (FilterOperator.Like, FilterInputValues.EscapeLiteral(Text(kind, value, path)) + "*", false),
        NstartsWith => (FilterOperator.Like, FilterInputValues.EscapeLiteral(Text(kind, value, path)) + "*", true),
        EndsWith => (FilterOperator.Like, "*" + FilterInputValues.EscapeLiteral(Text(kind, value, path)), false),
        NendsWith => (FilterOperator.Like, "*" + FilterInputValues.EscapeLiteral(Text(kind, value, path)), true),
        Like => (FilterOperator.Like, Text(kind, value, path), false),
        Nlike => (FilterOperator.Like, Text(kind, value, path), true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an operator"),
    };

    private static object Scalar(FieldKind kind, IReadOnlyList<string> enumValues, object value, string path) =>
        FilterInputValues.IsValid(kind, enumValues, value)
            ? value
            : throw FilterValidation.Error(path, $"expects {FilterInputValues.Expected(kind, enumValues)}, got {FilterInputValues.Describe(value)}");

    private static string Text(FieldKind kind, object value, string path) => (string)Scalar(kind, [], value, path);

    private static object[] Values(FieldKind kind, IReadOnlyList<string> enumValues, object value, string path)
    {
        var items = RequireList(value, path);
        var checkedItems = new object[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            checkedItems[i] = items[i] is { } item
                ? Scalar(kind, enumValues, item, $"{path}[{i}]")
                : throw FilterValidation.Error($"{path}[{i}]", "a list of values must not hold null: use eq: null for that");
        }

        return checkedItems;
    }

    private static IReadOnlyDictionary<string, object?> RequireObject(object? value, string path) =>
        value as IReadOnlyDictionary<string, object?>
        ?? throw FilterValidation.Error(path, $"expects an input object, got {FilterInputValues.Describe(value)}");

    private static List<object?> RequireList(object value, string path) =>
        value is IEnumerable sequence and not string and not IReadOnlyDictionary<string, object?>
            ? [.. sequence.Cast<object?>()]
            : throw FilterValidation.Error(path, $"expects a list, got {FilterInputValues.Describe(value)}");
}
