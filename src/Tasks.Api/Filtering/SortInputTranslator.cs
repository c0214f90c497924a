using System.Collections;
using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>
/// Turns a coerced <c>order</c> argument (a list of sort input objects) into the read model's sort keys, so resolvers
/// never interpret sort inputs themselves. Objects apply in list order, and each sets exactly one key: the engine
/// coerces an input object's fields in schema order, not in the order a client wrote them, so two keys in one object
/// would sort in an order the client did not choose. A nested object such as <c>error: { type: ASC }</c> names its
/// read-model field.
/// </summary>
public static class SortInputTranslator
{
    /// <summary>The sort keys <paramref name="order"/> asks for; empty (the model's default sort) when it is null.</summary>
    /// <param name="mapping">The model's mapping, e.g. <see cref="FilterInputMapping.Task"/> for <c>TaskSortInput</c>.</param>
    /// <param name="order">The coerced argument: null, or a list of input objects (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>).</param>
    /// <param name="argument">The argument's name, the first segment of error paths.</param>
    /// <exception cref="global::Tasks.GraphQL.Execution.GraphQLException">
    /// The input is not valid (code VALIDATION): an object sets no key or several, a field is sorted on twice, a direction is
    /// not ASC or DESC.
    /// </exception>
    public static IReadOnlyList<SortField> Translate(FilterInputMapping mapping, object? order, string argument = "order")
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentException.ThrowIfNullOrEmpty(argument);
        if (order is null)
        {
            return [];
        }

        // A single object where a list is expected is a list of one, as in GraphQL input coercion.
        var items = order switch
        {
            IReadOnlyDictionary<string, object?> single => new List<object?> { single },
            IEnumerable sequence and not string => sequence.Cast<object?>().ToList(),
            _ => throw FilterValidation.Error(argument, $"expects a list of sort objects, got {FilterInputValues.Describe(order)}"),
        };

        var keys = new List<SortField>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{argument}[{i}]";
            var input = items[i] as IReadOnlyDictionary<string, object?>
                ?? throw FilterValidation.Error(at, $"expects a sort object, got {FilterInputValues.Describe(items[i])}");
            var before = keys.Count;
            AddKeys(mapping, input, at, keys, seen);
            if (keys.Count == before)
            {
                throw FilterValidation.Error(at, "sets no sort key: give a field and ASC or DESC, e.g. { creationTimestamp: DESC }");
            }

            if (keys.Count > before + 1)
            {
                throw FilterValidation.Error(at, "sets several sort keys: give one key per list item, in the order they apply, e.g. [{ priority: DESC }, { creationTimestamp: ASC }]");
            }
        }

        return keys;
    }

    private static void AddKeys(FilterInputMapping mapping, IReadOnlyDictionary<string, object?> input, string path, List<SortField> keys, HashSet<string> seen)
    {
        foreach (var (name, value) in input)
        {
            var at = $"{path}.{name}";
            if (!mapping.Fields.TryGetValue(name, out var field))
            {
                throw FilterValidation.Error(at, $"'{name}' cannot be sorted on");
            }

            if (value is null)
            {
                continue;
            }

            if (field.Nested is { } nested)
            {
                AddKeys(nested, value as IReadOnlyDictionary<string, object?>
                    ?? throw FilterValidation.Error(at, $"expects a sort object, got {FilterInputValues.Describe(value)}"), at, keys, seen);
                continue;
            }

            if (field.IsList)
            {
                throw FilterValidation.Error(at, $"'{name}' is a list and cannot be sorted on");
            }

            var direction = value switch
            {
                "ASC" => SortDirection.Ascending,
                "DESC" => SortDirection.Descending,
                _ => throw FilterValidation.Error(at, $"expects ASC or DESC, got {FilterInputValues.Describe(value)}"),
            };
            if (!seen.Add(field.ReadModelField!))
            {
                // A second key on the same field could never change the order; it is a mistake worth naming.
                throw FilterValidation.Error(at, "sorts on a field that an earlier key already sorts on", QueryErrorCode.DuplicateSortField);
            }

            keys.Add(new SortField(field.ReadModelField!, direction));
        }
    }
}
