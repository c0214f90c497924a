using System.Text;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Field Selection Merging (spec §5.3.2): fields selected under the same response name, anywhere in
/// a selection set and the fragments it spreads, can be merged into one result: they agree on the
/// field and arguments unless their parents are different object types (FieldsInSetCanMerge), and
/// they always return values of the same shape (SameResponseShape).
/// </summary>
/// <remarks>
/// Comparing every pair of fields naively is exponential in the nesting of fragments. Here fields
/// are collected once per selection set (a field written twice the same way is kept once); a set of
/// fields is compared with the fragments a spread brings in through each fragment's closure (the
/// fragments it spreads, transitively, at its top level), looking only at fragments that select one
/// of its response names; and each pair of fragments, and each set of fields with each fragment, is
/// compared once, since a repeated comparison could only report the same conflicts again. What is
/// left is the pairs of distinct fields that share a response name, which the spec compares. Past
/// what the stack allows (fragments nested within fields within fragments, thousands deep) the rule
/// reports the selection set instead of failing.
/// </remarks>
public sealed partial class FieldSelectionMerging : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FieldSelectionMerging);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        private readonly ConflictFinder _finder = new(context);

        protected override VisitAction EnterSelectionSet(SelectionSetNode node)
        {
            // Stop collecting once a report would pass the error limit anyway.
            var room = Context.Options.MaxErrors - Context.Errors.Count + 1;
            var conflicts = _finder.FindConflictsWithin(TypeInfo.ParentType, node, Math.Max(room, 1));
            if (_finder.NestedTooDeeply)
            {
                ReportError("The fragments spread in this selection set nest too deeply to check that their fields can be merged.", node);
            }

            foreach (var conflict in conflicts)
            {
                var message = new StringBuilder("Fields \"").Append(conflict.ResponseName).Append("\" conflict because ");
                conflict.AppendReason(message);
                message.Append(". Use different aliases on the fields to fetch both if this was intentional.");
                var locations = new List<INode>(conflict.Left.Count + conflict.Right.Count);
                locations.AddRange(conflict.Left);
                locations.AddRange(conflict.Right);
                ReportError(message.ToString(), locations);
            }

            return VisitAction.Continue;
        }
    }
}
