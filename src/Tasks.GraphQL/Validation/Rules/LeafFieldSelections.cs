using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Leaf Field Selections (spec §5.3.3): a field of scalar or enum type has no selection set, and a
/// field of object, interface or union type must have one.
/// </summary>
public sealed class LeafFieldSelections : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(LeafFieldSelections);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterField(FieldNode node)
        {
            if (TypeInfo.Type is not { } type)
            {
                return VisitAction.Continue;
            }

            var fieldName = node.Name.Value;
            if (type.IsLeafType())
            {
                if (node.SelectionSet is { } selectionSet)
                {
                    ReportError($"Field \"{fieldName}\" must not have a selection since type \"{type}\" has no subfields.", selectionSet);
                }
            }
            else if (node.SelectionSet is null)
            {
                ReportError($"Field \"{fieldName}\" of type \"{type}\" must have a selection of subfields. Did you mean \"{fieldName} {{ ... }}\"?", node);
            }

            return VisitAction.Continue;
        }
    }
}
