using Tasks.GraphQL.Execution.Coercion;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Introspection;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Planning;

/// <summary>
/// CollectFields (spec §6.3.2): groups the fields of a selection set by response key for one object type, following
/// fragment spreads and inline fragments whose type condition applies, and leaving out what <c>@skip</c> and
/// <c>@include</c> exclude. Fields the type does not define are left out too (validation has reported them).
/// </summary>
internal static class FieldCollector
{
    public static SelectionPlan CollectRoot(ExecutionPlan request)
    {
        var operation = request.Operation;
        return Collect(operation.RootType, [operation.Operation.SelectionSet], request);
    }

    public static SelectionPlan CollectSubfields(ObjectType type, FieldNode[] fields, ExecutionPlan request)
    {
        var sets = new List<SelectionSetNode>(fields.Length);
        foreach (var field in fields)
        {
            if (field.SelectionSet is { } set)
            {
                sets.Add(set);
            }
        }

        return Collect(type, sets, request);
    }

    private static SelectionPlan Collect(ObjectType type, List<SelectionSetNode> sets, ExecutionPlan request)
    {
        var grouped = new Dictionary<string, List<FieldNode>>(StringComparer.Ordinal);
        var order = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in sets)
        {
            CollectInto(type, set, request, grouped, order, visited);
        }

        var plans = new List<FieldPlan>(order.Count);
        foreach (var key in order)
        {
            if (Plan(type, key, [.. grouped[key]], request.Operation) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return new SelectionPlan(type, [.. plans]);
    }

    private static void CollectInto(
        ObjectType type,
        SelectionSetNode set,
        ExecutionPlan request,
        Dictionary<string, List<FieldNode>> grouped,
        List<string> order,
        HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            if (!ShouldInclude(selection, request.Variables))
            {
                continue;
            }

            switch (selection)
            {
                case FieldNode field:
                    var key = field.ResponseKey;
                    if (!grouped.TryGetValue(key, out var fields))
                    {
                        grouped[key] = fields = [];
                        order.Add(key);
                    }

                    fields.Add(field);
                    break;
                case FragmentSpreadNode spread:
                    var name = spread.Name.Value;
                    if (visited.Add(name)
                        && request.Operation.Fragments.TryGetValue(name, out var fragment)
                        && Applies(request.Operation.Schema, type, fragment.TypeCondition.Name.Value))
                    {
                        CollectInto(type, fragment.SelectionSet, request, grouped, order, visited);
                    }

                    break;
                case InlineFragmentNode inline:
                    if (inline.TypeCondition is null || Applies(request.Operation.Schema, type, inline.TypeCondition.Name.Value))
                    {
                        CollectInto(type, inline.SelectionSet, request, grouped, order, visited);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static FieldPlan? Plan(ObjectType type, string key, FieldNode[] nodes, OperationPlan operation)
    {
        var first = nodes[0];
        var name = first.Name.Value;
        var isQueryRoot = ReferenceEquals(type, operation.Schema.Query);
        var (definition, kind) = name switch
        {
            "__typename" => (IntrospectionFields.TypeName, FieldKind.TypeName),
            "__schema" when isQueryRoot => (IntrospectionFields.Schema, FieldKind.Schema),
            "__type" when isQueryRoot => (IntrospectionFields.Type, FieldKind.Type),
            _ when type.Fields.TryGetValue(name, out var found) => (found, IsSourceEventField(type, found, operation) ? FieldKind.SourceEvent : FieldKind.Resolved),
            _ => (null, FieldKind.Resolved),
        };
        if (definition is null)
        {
            return null;
        }

        if (ArgumentCoercion.UsesVariables(first.Arguments))
        {
            return new FieldPlan(key, nodes, definition, kind, type);
        }

        var arguments = ArgumentCoercion.Coerce(definition.Arguments, first.Arguments, null, out var error);
        return new FieldPlan(key, nodes, definition, kind, type) { StaticArguments = arguments, StaticArgumentError = error };
    }

    private static bool IsSourceEventField(ObjectType type, FieldDefinition field, OperationPlan operation) =>
        operation.Kind == OperationType.Subscription && ReferenceEquals(type, operation.RootType) && field.Resolver is null;

    /// <summary>DoesFragmentTypeApply (spec §6.3.2).</summary>
    private static bool Applies(Schema schema, ObjectType type, string conditionName) => schema.GetType(conditionName) switch
    {
        ObjectType condition => ReferenceEquals(condition, type) || condition.Name == type.Name,
        IAbstractType abstractType => schema.IsPossibleType(abstractType, type),
        _ => false,
    };

    private static bool ShouldInclude(ISelectionNode selection, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var directive in selection.Directives)
        {
            switch (directive.Name.Value)
            {
                case "skip" when IsTrue(directive, variables):
                    return false;
                case "include" when !IsTrue(directive, variables):
                    return false;
                default:
                    break;
            }
        }

        return true;
    }

    private static bool IsTrue(DirectiveNode directive, IReadOnlyDictionary<string, object?> variables)
    {
        foreach (var argument in directive.Arguments)
        {
            if (argument.Name.Value == "if")
            {
                return argument.Value switch
                {
                    BooleanValueNode literal => literal.Value,
                    VariableNode variable => variables.TryGetValue(variable.Name.Value, out var value) && value is true,
                    _ => false,
                };
            }
        }

        return false;
    }
}
