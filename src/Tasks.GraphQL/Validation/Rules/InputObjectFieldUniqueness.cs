using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Input Object Field Uniqueness (spec §5.6.3): an input object literal gives each field at most once.</summary>
public sealed class InputObjectFieldUniqueness : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(InputObjectFieldUniqueness);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterObjectValue(ObjectValueNode node)
        {
            if (RepeatedNames.Find(node.Fields, static field => field.Name) is { } repeated)
            {
                foreach (var (name, occurrences) in repeated)
                {
                    ReportError($"There can be only one input field named \"{name}\".", occurrences);
                }
            }

            return VisitAction.Continue;
        }
    }
}
