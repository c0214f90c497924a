using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Argument Names (spec §5.4.1): every argument given to a field or directive is one it defines.</summary>
public sealed class ArgumentNames : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ArgumentNames);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterField(FieldNode node)
        {
            if (node.Arguments.Count > 0 && TypeInfo.FieldDefinition is { } field && TypeInfo.ParentType is { } parentType)
            {
                foreach (var argument in node.Arguments)
                {
                    var name = argument.Name.Value;
                    if (!field.Arguments.ContainsKey(name))
                    {
                        ReportError(
                            $"Unknown argument \"{name}\" on field \"{parentType.Name}.{field.Name}\".{Context.DidYouMean(name, field.Arguments.Keys)}",
                            argument);
                    }
                }
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            if (node.Arguments.Count > 0 && TypeInfo.Directive is { } directive)
            {
                foreach (var argument in node.Arguments)
                {
                    var name = argument.Name.Value;
                    if (!directive.Arguments.ContainsKey(name))
                    {
                        ReportError(
                            $"Unknown argument \"{name}\" on directive \"@{directive.Name}\".{Context.DidYouMean(name, directive.Arguments.Keys)}",
                            argument);
                    }
                }
            }

            return VisitAction.Continue;
        }
    }
}
