using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Variable Uniqueness (spec §5.8.1): an operation declares each variable at most once.</summary>
public sealed class VariableUniqueness : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(VariableUniqueness);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            if (RepeatedNames.Find(node.VariableDefinitions, static definition => definition.Variable.Name) is { } repeated)
            {
                foreach (var (name, occurrences) in repeated)
                {
                    ReportError($"There can be only one variable named \"${name}\".", occurrences);
                }
            }

            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
