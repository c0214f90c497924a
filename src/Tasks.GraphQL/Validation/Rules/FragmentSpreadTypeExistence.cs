using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Fragment Spread Type Existence (spec §5.5.1.2): the type condition of every fragment definition and
/// inline fragment names a type the schema defines.
/// </summary>
public sealed class FragmentSpreadTypeExistence : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentSpreadTypeExistence);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            Check(node.TypeCondition);
            return VisitAction.Continue;
        }

        protected override VisitAction EnterInlineFragment(InlineFragmentNode node)
        {
            if (node.TypeCondition is { } condition)
            {
                Check(condition);
            }

            return VisitAction.Continue;
        }

        private void Check(NamedTypeNode condition)
        {
            var name = condition.Name.Value;
            if (Context.Schema.GetType(name) is null)
            {
                ReportError($"Unknown type \"{name}\".{Context.DidYouMean(name, CompositeTypeNames())}", condition);
            }
        }

        private IEnumerable<string> CompositeTypeNames()
        {
            foreach (var type in Context.Schema.Types.Values)
            {
                if (type is IComplexType or UnionType && !type.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    yield return type.Name;
                }
            }
        }
    }
}
