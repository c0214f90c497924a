using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Operation Type Existence (current draft): an operation's kind must have a root type in the schema;
/// a schema without a mutation type supports no mutations.
/// </summary>
public sealed class OperationTypeExistence : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(OperationTypeExistence);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            if (Context.Schema.RootType(node.Operation) is null)
            {
                ReportError($"The {node.Operation.ToKeyword()} operation is not supported by the schema.", node);
            }

            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
