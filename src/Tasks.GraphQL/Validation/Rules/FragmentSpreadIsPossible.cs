using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Fragment Spread Is Possible (spec §5.5.2.3): a fragment is spread only where some object could be
/// of both the enclosing type and the fragment's type; otherwise it could never apply.
/// </summary>
public sealed class FragmentSpreadIsPossible : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(FragmentSpreadIsPossible);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    /// <summary>Whether some object type is possible for both types (the spec's GetPossibleTypes intersection).</summary>
    internal static bool TypesOverlap(Schema schema, INamedType first, INamedType second)
    {
        if (ReferenceEquals(first, second) || first.Name == second.Name)
        {
            return true;
        }

        if (first is IAbstractType firstAbstract)
        {
            if (second is IAbstractType secondAbstract)
            {
                foreach (var possible in schema.GetPossibleTypes(firstAbstract))
                {
                    if (schema.IsPossibleType(secondAbstract, possible))
                    {
                        return true;
                    }
                }

                return false;
            }

            return second is ObjectType secondObject && schema.IsPossibleType(firstAbstract, secondObject);
        }

        return second is IAbstractType otherAbstract && first is ObjectType firstObject && schema.IsPossibleType(otherAbstract, firstObject);
    }

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterInlineFragment(InlineFragmentNode node)
        {
            // TypeInfo has already moved into the fragment: its type is the fragment's, and the parent
            // type is still the enclosing selection set's.
            if (TypeInfo.Type?.NamedType() is { } fragmentType && IsComposite(fragmentType)
                && TypeInfo.ParentType is { } parentType && !TypesOverlap(Context.Schema, fragmentType, parentType))
            {
                ReportError(
                    $"Fragment cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    node);
            }

            return VisitAction.Continue;
        }

        protected override VisitAction EnterFragmentSpread(FragmentSpreadNode node)
        {
            if (Context.GetFragment(node.Name.Value) is { } fragment
                && Context.Schema.GetType(fragment.TypeCondition.Name.Value) is { } fragmentType && IsComposite(fragmentType)
                && TypeInfo.ParentType is { } parentType && !TypesOverlap(Context.Schema, fragmentType, parentType))
            {
                ReportError(
                    $"Fragment \"{node.Name.Value}\" cannot be spread here as objects of type \"{parentType.Name}\" can never be of type \"{fragmentType.Name}\".",
                    node);
            }

            return VisitAction.Continue;
        }

        private static bool IsComposite(INamedType type) => type is IComplexType or UnionType;
    }
}
