using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Executable Definitions (spec §5.1.1): a request document holds only operations and fragments;
/// schema, type and directive definitions and extensions cannot be executed.
/// </summary>
public sealed class ExecutableDefinitions : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(ExecutableDefinitions);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterDocument(DocumentNode node)
        {
            foreach (var definition in node.Definitions)
            {
                if (definition is IExecutableDefinitionNode)
                {
                    continue;
                }

                var what = definition switch
                {
                    SchemaDefinitionNode or SchemaExtensionNode => "schema",
                    ITypeDefinitionNode type => $"\"{type.Name.Value}\"",
                    ITypeExtensionNode extension => $"\"{extension.Name.Value}\"",
                    DirectiveDefinitionNode directive => $"\"@{directive.Name.Value}\"",
                    _ => "given",
                };
                ReportError($"The {what} definition is not executable.", definition);
            }

            return VisitAction.Continue;
        }

        // Only the definitions themselves matter here, not what they select.
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
