using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// All Variable Uses Defined (spec §5.8.3): every variable an operation uses, directly or in the
/// fragments it spreads, is declared by that operation.
/// </summary>
public sealed class AllVariableUsesDefined : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(AllVariableUsesDefined);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        // Fragments may come after the operations that spread them, so usages are complete only at the end.
        protected override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in Context.Operations)
            {
                var declared = new HashSet<string>(StringComparer.Ordinal);
                foreach (var definition in operation.VariableDefinitions)
                {
                    declared.Add(definition.Variable.Name.Value);
                }

                foreach (var usage in Context.GetRecursiveVariableUsages(operation))
                {
                    var name = usage.Node.Name.Value;
                    if (!declared.Contains(name))
                    {
                        var message = operation.Name is { } operationName
                            ? $"Variable \"${name}\" is not defined by operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is not defined.";
                        ReportError(message, usage.Node, operation);
                    }
                }
            }
        }

        // The work happens when the document is left; nothing inside needs visiting.
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
