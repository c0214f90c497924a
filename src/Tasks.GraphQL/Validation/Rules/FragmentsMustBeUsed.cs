using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Fragments Must Be Used (spec §5.5.1.4): every fragment definition is spread, directly or through
/// other fragments, by at least one operation.
/// </summary>
public sealed class FragmentsMustBeUsed : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentsMustBeUsed);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override void LeaveDocument(DocumentNode node)
        {
            var used = new HashSet<FragmentDefinitionNode>(ReferenceEqualityComparer.Instance);
            foreach (var operation in Context.Operations)
            {
                foreach (var fragment in Context.GetRecursivelyReferencedFragments(operation))
                {
                    used.Add(fragment);
                }
            }

            foreach (var definition in node.Definitions)
            {
                // A duplicate of a used name is reported by FragmentNameUniqueness, not here.
                if (definition is FragmentDefinitionNode fragment && !used.Contains(fragment)
                    && (Context.GetFragment(fragment.Name.Value) is not { } first || !used.Contains(first)))
                {
                    ReportError($"Fragment \"{fragment.Name.Value}\" is never used.", fragment);
                }
            }
        }

        // The work happens when the document is left; nothing inside needs visiting.
        protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;
    }
}
