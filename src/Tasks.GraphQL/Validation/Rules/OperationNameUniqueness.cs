using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Operation Name Uniqueness (spec §5.2.1.1): no two operations share a name.</summary>
public sealed class OperationNameUniqueness : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(OperationNameUniqueness);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        private readonly Dictionary<string, NameNode> _firstByName = new(StringComparer.Ordinal);

        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
        {
            if (node.Name is { } name && !_firstByName.TryAdd(name.Value, name))
            {
                ReportError($"There can be only one operation named \"{name.Value}\".", _firstByName[name.Value], name);
            }

            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
