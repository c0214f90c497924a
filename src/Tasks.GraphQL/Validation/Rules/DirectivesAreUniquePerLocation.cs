using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Directives Are Unique Per Location (spec §5.7.3): a directive that is not <c>repeatable</c> is
/// used at most once on one operation, field, fragment or variable.
/// </summary>
public sealed class DirectivesAreUniquePerLocation : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(DirectivesAreUniquePerLocation);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => Check(node.Directives);

        protected override VisitAction EnterVariableDefinition(VariableDefinitionNode node) => Check(node.Directives);

        protected override VisitAction EnterField(FieldNode node) => Check(node.Directives);

        protected override VisitAction EnterFragmentSpread(FragmentSpreadNode node) => Check(node.Directives);

        protected override VisitAction EnterInlineFragment(InlineFragmentNode node) => Check(node.Directives);

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => Check(node.Directives);

        private VisitAction Check(IReadOnlyList<DirectiveNode> directives)
        {
            for (var i = 1; i < directives.Count; i++)
            {
                var name = directives[i].Name.Value;

                // Unknown directives are DirectivesAreDefined's concern; repeatable ones may repeat.
                if (Context.Schema.GetDirective(name) is not { IsRepeatable: false })
                {
                    continue;
                }

                for (var j = 0; j < i; j++)
                {
                    if (directives[j].Name.Value == name)
                    {
                        ReportError($"The directive \"@{name}\" can only be used once at this location.", directives[j], directives[i]);
                        break;
                    }
                }
            }

            return VisitAction.Continue;
        }
    }
}
