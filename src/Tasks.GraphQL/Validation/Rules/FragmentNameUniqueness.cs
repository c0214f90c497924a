using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Fragment Name Uniqueness (spec §5.5.1.1): no two fragment definitions share a name.</summary>
public sealed class FragmentNameUniqueness : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentNameUniqueness);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        private readonly Dictionary<string, NameNode> _firstByName = new(StringComparer.Ordinal);

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node)
        {
            var name = node.Name;
            if (!_firstByName.TryAdd(name.Value, name))
            {
                ReportError($"There can be only one fragment named \"{name.Value}\".", _firstByName[name.Value], name);
            }

            // Nothing inside a fragment concerns this rule.
            return VisitAction.SkipChildren;
        }

        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;
    }
}
