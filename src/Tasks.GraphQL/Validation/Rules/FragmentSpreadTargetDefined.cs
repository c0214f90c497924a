using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Fragment Spread Target Defined (spec §5.5.2.1): every named spread refers to a fragment the document defines.</summary>
public sealed class FragmentSpreadTargetDefined : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentSpreadTargetDefined);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterFragmentSpread(FragmentSpreadNode node)
        {
            if (Context.GetFragment(node.Name.Value) is null)
            {
                ReportError($"Unknown fragment \"{node.Name.Value}\".", node.Name);
            }

            return VisitAction.Continue;
        }
    }
}
