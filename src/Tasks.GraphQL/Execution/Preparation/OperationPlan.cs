using System.Collections.Concurrent;
using Tasks.GraphQL.Execution.Planning;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>
/// One operation of a cached document, ready to run many times: its root type, its fragments, the static checks' results
/// and the collected fields of its selection sets, planned on first use and kept per combination of the variables that
/// <c>@skip</c> and <c>@include</c> read.
/// </summary>
internal sealed class OperationPlan
{
    private readonly ConcurrentDictionary<ulong, SelectionPlan> rootPlans = new();

    public OperationPlan(Schema schema, OperationDefinitionNode operation, ObjectType rootType, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments, OperationShape shape, long? staticCost)
    {
        Schema = schema;
        Operation = operation;
        RootType = rootType;
        Fragments = fragments;
        Shape = shape;
        StaticCost = staticCost;
        ConditionVariables = ConditionVariableFinder.Find(operation, fragments);
    }

    public Schema Schema { get; }

    public OperationDefinitionNode Operation { get; }

    public OperationType Kind => Operation.Operation;

    public ObjectType RootType { get; }

    public IReadOnlyDictionary<string, FragmentDefinitionNode> Fragments { get; }

    /// <summary>Depth, aliases and fields, which do not depend on variables.</summary>
    public OperationShape Shape { get; }

    /// <summary>The estimated cost when it does not depend on variables; null when each request must compute its own.</summary>
    public long? StaticCost { get; }

    /// <summary>The variables <c>@skip(if:)</c> and <c>@include(if:)</c> read, in a fixed order: each is one bit of a plan's key.</summary>
    public IReadOnlyList<string> ConditionVariables { get; }

    /// <summary>The collected root fields for these variable values.</summary>
    public SelectionPlan GetRootPlan(ExecutionPlan request)
    {
        if (ConditionVariables.Count > 64)
        {
            // More conditions than bits in a key: too rare to cache, so plan afresh.
            return FieldCollector.CollectRoot(request);
        }

        var key = 0UL;
        for (var i = 0; i < ConditionVariables.Count; i++)
        {
            if (request.Variables.TryGetValue(ConditionVariables[i], out var value) && value is true)
            {
                key |= 1UL << i;
            }
        }

        return rootPlans.TryGetValue(key, out var plan) ? plan : rootPlans.GetOrAdd(key, FieldCollector.CollectRoot(request));
    }

    private static class ConditionVariableFinder
    {
        public static string[] Find(OperationDefinitionNode operation, IReadOnlyDictionary<string, FragmentDefinitionNode> fragments)
        {
            var names = new List<string>();
            Visit(operation.SelectionSet, names);
            foreach (var fragment in fragments.Values)
            {
                Visit(fragment.SelectionSet, names);
            }

            return [.. names];
        }

        private static void Visit(SelectionSetNode set, List<string> names)
        {
            foreach (var selection in set.Selections)
            {
                foreach (var directive in selection.Directives)
                {
                    if (directive.Name.Value is "skip" or "include")
                    {
                        foreach (var argument in directive.Arguments)
                        {
                            if (argument.Value is VariableNode variable && !names.Contains(variable.Name.Value))
                            {
                                names.Add(variable.Name.Value);
                            }
                        }
                    }
                }

                switch (selection)
                {
                    case FieldNode { SelectionSet: { } inner }:
                        Visit(inner, names);
                        break;
                    case InlineFragmentNode inline:
                        Visit(inline.SelectionSet, names);
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
