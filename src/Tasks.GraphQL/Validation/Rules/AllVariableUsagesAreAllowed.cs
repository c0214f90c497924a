using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// All Variable Usages Are Allowed (spec §5.8.5, with the draft's <c>@oneOf</c> positions): a variable
/// is used only where its type fits (IsVariableUsageAllowed). A nullable variable fits a non-null
/// position only when it or the position has a default value, and never the field of a <c>@oneOf</c>
/// input object, which must not be null.
/// </summary>
public sealed class AllVariableUsagesAreAllowed : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(AllVariableUsagesAreAllowed);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    /// <summary>The spec's AreTypesCompatible: whether a value of <paramref name="variableType"/> always fits <paramref name="locationType"/>.</summary>
    internal static bool AreTypesCompatible(IGraphQLType variableType, IGraphQLType locationType)
    {
        while (true)
        {
            if (locationType is NonNullType locationNonNull)
            {
                if (variableType is not NonNullType variableNonNull)
                {
                    return false;
                }

                variableType = variableNonNull.OfType;
                locationType = locationNonNull.OfType;
            }
            else if (variableType is NonNullType variableNonNull)
            {
                variableType = variableNonNull.OfType;
            }
            else if (locationType is ListType locationList)
            {
                if (variableType is not ListType variableList)
                {
                    return false;
                }

                variableType = variableList.OfType;
                locationType = locationList.OfType;
            }
            else
            {
                return variableType is not ListType && variableType.IsSameType(locationType);
            }
        }
    }

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        // Fragments may come after the operations that spread them, so usages are complete only at the end.
        protected override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in Context.Operations)
            {
                if (operation.VariableDefinitions.Count == 0)
                {
                    continue;
                }

                var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
                foreach (var definition in operation.VariableDefinitions)
                {
                    definitions.TryAdd(definition.Variable.Name.Value, definition);
                }

                foreach (var usage in Context.GetRecursiveVariableUsages(operation))
                {
                    if (usage.Type is { } locationType
                        && definitions.TryGetValue(usage.Node.Name.Value, out var definition)
                        && TypeInfo.TypeFromAst(definition.Type) is { } variableType)
                    {
                        Check(definition, variableType, usage, locationType);
                    }
                }
            }
        }

        private void Check(VariableDefinitionNode definition, IGraphQLType variableType, VariableUsage usage, IGraphQLType locationType)
        {
            var name = usage.Node.Name.Value;
            var nonNullPosition = locationType is NonNullType || usage.OneOfInputObject is not null;
            if (nonNullPosition && variableType is not NonNullType)
            {
                var variableHasNonNullDefault = definition.DefaultValue is { } defaultValue && defaultValue is not NullValueNode;
                var locationHasDefault = usage.DefaultValue is not null;
                if (!variableHasNonNullDefault && !locationHasDefault)
                {
                    var message = usage.OneOfInputObject is { } oneOf
                        ? $"Variable \"${name}\" is of type \"{variableType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\"."
                        : Mismatch(name, variableType, locationType);
                    ReportError(message, definition, usage.Node);
                    return;
                }

                locationType = locationType.Nullable();
            }

            if (!AreTypesCompatible(variableType, locationType))
            {
                ReportError(Mismatch(name, variableType, usage.Type!), definition, usage.Node);
            }
        }

        private static string Mismatch(string name, IGraphQLType variableType, IGraphQLType locationType) =>
            $"Variable \"${name}\" of type \"{variableType}\" used in position expecting type \"{locationType}\".";

        // The work happens when the document is left; nothing inside needs visiting.
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
