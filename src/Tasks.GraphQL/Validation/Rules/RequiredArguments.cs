using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Required Arguments (spec §5.4.2.1): every argument of non-null type without a default is given.
/// (An explicit <c>null</c> for such an argument is reported by <see cref="ValuesOfCorrectType"/>, which
/// rejects null in every non-null position.)
/// </summary>
public sealed class RequiredArguments : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(RequiredArguments);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterField(FieldNode node)
        {
            if (TypeInfo.FieldDefinition is { } field)
            {
                foreach (var definition in field.Arguments.Values)
                {
                    if (definition.IsRequired && !IsGiven(node.Arguments, definition.Name))
                    {
                        ReportError(
                            $"Field \"{field.Name}\" argument \"{definition.Name}\" of type \"{definition.Type}\" is required, but it was not provided.",
                            node);
                    }
                }
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            if (TypeInfo.Directive is { } directive)
            {
                foreach (var definition in directive.Arguments.Values)
                {
                    if (definition.IsRequired && !IsGiven(node.Arguments, definition.Name))
                    {
                        ReportError(
                            $"Directive \"@{directive.Name}\" argument \"{definition.Name}\" of type \"{definition.Type}\" is required, but it was not provided.",
                            node);
                    }
                }
            }

            return VisitAction.Continue;
        }

        private static bool IsGiven(IReadOnlyList<ArgumentNode> arguments, string name)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].Name.Value == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
