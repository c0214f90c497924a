using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>The size of an operation with its fragments expanded: what the depth, alias and field limits check.</summary>
/// <param name="Depth">The deepest nesting of fields (a field without sub-selection is depth 1).</param>
/// <param name="Aliases">How many aliased fields it selects.</param>
/// <param name="Fields">How many fields it selects.</param>
/// <param name="Introspection">The first <c>__schema</c> or <c>__type</c> field it selects, if any.</param>
internal sealed record OperationShape(int Depth, int Aliases, int Fields, FieldNode? Introspection)
{
    public static OperationShape Empty { get; } = new(0, 0, 0, null);
}
