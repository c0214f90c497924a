using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Lone Anonymous Operation (spec §5.2.2.1): an operation without a name (including the query
/// shorthand) must be the document's only operation, since nothing else could select it.
/// </summary>
public sealed class LoneAnonymousOperation : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(LoneAnonymousOperation);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            if (node.Name is null && Context.Operations.Count > 1)
            {
                ReportError("This anonymous operation must be the only defined operation.", node);
            }

            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
