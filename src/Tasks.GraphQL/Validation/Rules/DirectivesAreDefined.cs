using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Directives Are Defined (spec §5.7.1): every directive used is one the schema defines.</summary>
public sealed class DirectivesAreDefined : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(DirectivesAreDefined);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            if (TypeInfo.Directive is null)
            {
                var name = node.Name.Value;
                ReportError($"Unknown directive \"@{name}\".{Context.DidYouMean(name, Context.Schema.Directives.Keys)}", node);
            }

            // Arguments of a directive never hold directives.
            return VisitAction.SkipChildren;
        }
    }
}
