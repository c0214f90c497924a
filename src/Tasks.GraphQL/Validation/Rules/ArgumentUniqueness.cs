using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Argument Uniqueness (spec §5.4.2): a field or directive is given each argument at most once.</summary>
public sealed class ArgumentUniqueness : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ArgumentUniqueness);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterField(FieldNode node)
        {
            Check(node.Arguments);
            return VisitAction.Continue;
        }

        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            Check(node.Arguments);
            return VisitAction.Continue;
        }

        // One error per repeated name, located at every occurrence.
        private void Check(IReadOnlyList<ArgumentNode> arguments)
        {
            if (RepeatedNames.Find(arguments, static argument => argument.Name) is { } repeated)
            {
                foreach (var (name, occurrences) in repeated)
                {
                    ReportError($"There can be only one argument named \"{name}\".", occurrences);
                }
            }
        }
    }
}
