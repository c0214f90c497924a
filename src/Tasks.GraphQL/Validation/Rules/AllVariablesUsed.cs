using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// All Variables Used (spec §5.8.4): every variable an operation declares is used by it, directly or
/// in the fragments it spreads.
/// </summary>
public sealed class AllVariablesUsed : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(AllVariablesUsed);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        // Fragments may come after the operations that spread them, so usages are complete only at the end.
        protected override void LeaveDocument(DocumentNode node)
        {
            foreach (var operation in Context.Operations)
            {
                if (operation.VariableDefinitions.Count == 0)
                {
                    continue;
                }

                var used = new HashSet<string>(StringComparer.Ordinal);
                foreach (var usage in Context.GetRecursiveVariableUsages(operation))
                {
                    used.Add(usage.Node.Name.Value);
                }

                foreach (var definition in operation.VariableDefinitions)
                {
                    var name = definition.Variable.Name.Value;
                    if (!used.Contains(name))
                    {
                        var message = operation.Name is { } operationName
                            ? $"Variable \"${name}\" is never used in operation \"{operationName.Value}\"."
                            : $"Variable \"${name}\" is never used.";
                        ReportError(message, definition);
                    }
                }
            }
        }

        // The work happens when the document is left; nothing inside needs visiting.
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
