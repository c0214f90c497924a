using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Fragments On Composite Types (spec §5.5.1.3): fragments apply to objects, interfaces and unions
/// only; a scalar, enum or input type has no fields to select.
/// </summary>
public sealed class FragmentsOnCompositeTypes : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentsOnCompositeTypes);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            if (Context.Schema.GetType(node.TypeCondition.Name.Value) is { } type && !IsComposite(type))
            {
                ReportError($"Fragment \"{node.Name.Value}\" cannot condition on non composite type \"{type.Name}\".", node.TypeCondition);
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is { } condition && Context.Schema.GetType(condition.Name.Value) is { } type && !IsComposite(type))
            {
                ReportError($"Fragment cannot condition on non composite type \"{type.Name}\".", condition);
            }

            return VisitAction.Continue;
        }

        private static bool IsComposite(INamedType type) => type is IComplexType or UnionType;
    }
}
