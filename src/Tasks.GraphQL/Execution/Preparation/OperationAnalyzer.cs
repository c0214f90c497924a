using System.Globalization;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>
/// Measures an operation before it runs: its shape (depth, aliases, fields) and its estimated cost. Each fragment is
/// measured once however often it is spread, so a document that expands exponentially still costs linear work to check;
/// counts saturate instead of overflowing. <c>@skip</c> and <c>@include</c> are ignored: the checks count the worst case.
/// </summary>
internal static class OperationAnalyzer
{
    private const long CostCeiling = long.MaxValue / 4;

    public static OperationShape Measure(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments) =>
        new ShapeMeasure(fragments).Measure(operation.SelectionSet);

    /// <summary>The estimated cost; <paramref name="dependsOnVariables"/> says whether a list size was read from a variable.</summary>
    public static long Cost(
        Schema schema,
        OperationDefinitionNode operation,
        ObjectType rootType,
        IReadOnlyDictionary<string, FragmentDefinitionNode> fragments,
        int defaultListSize,
        IReadOnlyDictionary<string, object?>? variables,
        out bool dependsOnVariables)
    {
        var estimate = new CostEstimate(schema, fragments, defaultListSize, variables);
        var cost = estimate.Cost(operation.SelectionSet, rootType);
        dependsOnVariables = estimate.DependsOnVariables;
        return cost;
    }

    private static int Add(int left, int right) => (int)Math.Min(int.MaxValue, (long)left + right);

    private static long AddCost(long left, long right) => Math.Min(CostCeiling, left + right);

    private static long MultiplyCost(long left, long right) =>
        left == 0 || right == 0 ? 0 : left > CostCeiling / right ? CostCeiling : Math.Min(CostCeiling, left * right);

    private sealed class ShapeMeasure(IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
    {
        private readonly Dictionary<string, OperationShape> measured = new(StringComparer.Ordinal);
        private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);

        public OperationShape Measure(SelectionSetNode set)
        {
            int depth = 0, aliases = 0, fields = 0;
            FieldNode? introspection = null;
            foreach (var selection in set.Selections)
            {
                var inner = selection switch
                {
                    FieldNode { SelectionSet: { } sub } => Measure(sub),
                    InlineFragmentNode inline => Measure(inline.SelectionSet),
                    FragmentSpreadNode spread => MeasureFragment(spread.Name.Value),
                    _ => OperationShape.Empty,
                };
                if (selection is FieldNode field)
                {
                    fields = Add(fields, 1);
                    aliases = Add(aliases, field.Alias is null ? 0 : 1);
                    introspection ??= field.Name.Value is "__schema" or "__type" ? field : null;
                    depth = Math.Max(depth, Add(inner.Depth, 1));
                }
                else
                {
                    depth = Math.Max(depth, inner.Depth);
                }

                fields = Add(fields, inner.Fields);
                aliases = Add(aliases, inner.Aliases);
                introspection ??= inner.Introspection;
            }

            return new OperationShape(depth, aliases, fields, introspection);
        }

        private OperationShape MeasureFragment(string name)
        {
            if (measured.TryGetValue(name, out var shape))
            {
                return shape;
            }

            // A spread of an unknown fragment, or a cycle, is a validation error; here it simply adds nothing.
            if (!fragments.TryGetValue(name, out var fragment) || !inProgress.Add(name))
            {
                return OperationShape.Empty;
            }

            shape = Measure(fragment.SelectionSet);
            inProgress.Remove(name);
            measured[name] = shape;
            return shape;
        }
    }

    private sealed class CostEstimate(Schema schema, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, int defaultListSize, IReadOnlyDictionary<string, object?>? variables)
    {
        private static readonly string[] SizeArguments = ["first", "last", "limit"];
        private readonly Dictionary<string, long> measured = new(StringComparer.Ordinal);
        private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);

        public bool DependsOnVariables { get; private set; }

        public long Cost(SelectionSetNode set, INamedType? parentType)
        {
            var total = 0L;
            foreach (var selection in set.Selections)
            {
                total = AddCost(total, selection switch
                {
                    FieldNode field => FieldCost(field, parentType),
                    InlineFragmentNode inline => Cost(inline.SelectionSet, inline.TypeCondition is { } condition ? schema.GetType(condition.Name.Value) : parentType),
                    FragmentSpreadNode spread => FragmentCost(spread.Name.Value),
                    _ => 0,
                });
            }

            return total;
        }

        private long FieldCost(FieldNode field, INamedType? parentType)
        {
            switch (field.Name.Value)
            {
                case "__typename":
                    return 0;
                case "__schema" or "__type":
                    // Introspection is bounded by the size of the schema, not of the data, and can be turned off.
                    return 1;
                default:
                    break;
            }

            var definition = parentType is IComplexType complex ? complex.Fields.GetValueOrDefault(field.Name.Value) : null;
            var weight = definition is null ? 1 : Weight(definition);
            var children = field.SelectionSet is { } set ? Cost(set, definition?.Type.NamedType()) : 0;
            var size = definition is not null && IsList(definition.Type) ? ListSize(field, definition) : 1;
            return AddCost(weight, MultiplyCost(size, children));
        }

        private long FragmentCost(string name)
        {
            if (measured.TryGetValue(name, out var cost))
            {
                return cost;
            }

            if (!fragments.TryGetValue(name, out var fragment) || !inProgress.Add(name))
            {
                return 0;
            }

            cost = Cost(fragment.SelectionSet, schema.GetType(fragment.TypeCondition.Name.Value));
            inProgress.Remove(name);
            measured[name] = cost;
            return cost;
        }

        private static long Weight(FieldDefinition definition)
        {
            foreach (var directive in definition.Directives)
            {
                if (directive.Name == "cost")
                {
                    foreach (var argument in directive.Arguments)
                    {
                        if (argument.Name.Value == "weight" && argument.Value is IntValueNode weight
                            && long.TryParse(weight.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                        {
                            return Math.Max(0, parsed);
                        }
                    }
                }
            }

            return 1;
        }

        private static bool IsList(IGraphQLType type) => type.Nullable() is ListType;

        private long ListSize(FieldNode field, FieldDefinition definition)
        {
            foreach (var name in SizeArguments)
            {
                var given = field.Arguments.FirstOrDefault(a => a.Name.Value == name)?.Value;
                if (given is VariableNode variable)
                {
                    DependsOnVariables = true;
                    if (variables is not null && variables.TryGetValue(variable.Name.Value, out var value) && value is int size)
                    {
                        return Math.Max(0, size);
                    }

                    // Not given at run time (or not known yet): the argument takes its default.
                    given = null;
                }

                if ((given ?? (definition.Arguments.TryGetValue(name, out var argument) ? argument.DefaultValue : null)) is IntValueNode literal
                    && long.TryParse(literal.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return Math.Max(0, parsed);
                }
            }

            return defaultListSize;
        }
    }
}
