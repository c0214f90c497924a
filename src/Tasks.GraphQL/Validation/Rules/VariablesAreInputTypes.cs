using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Variables Are Input Types (spec §5.8.2): a variable's type is a scalar, enum or input object type,
/// possibly wrapped in lists and non-null. A type the schema does not define is reported as unknown.
/// </summary>
public sealed class VariablesAreInputTypes : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(VariablesAreInputTypes);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterVariableDefinition(VariableDefinitionNode node)
        {
            var type = TypeInfo.TypeFromAst(node.Type);
            if (type is null)
            {
                var name = NamedTypeOf(node.Type).Name.Value;
                ReportError($"Unknown type \"{name}\".{Context.DidYouMean(name, InputTypeNames())}", NamedTypeOf(node.Type));
            }
            else if (!type.IsInputType())
            {
                ReportError($"Variable \"${node.Variable.Name.Value}\" cannot be non-input type \"{Printer.Print(node.Type)}\".", node.Type);
            }

            return VisitAction.SkipChildren;
        }

        // Variables are declared only at the top of operations.
        protected override VisitAction EnterSelectionSet(SelectionSetNode node) => VisitAction.SkipChildren;

        protected override VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.SkipChildren;

        private static NamedTypeNode NamedTypeOf(ITypeNode type) => type switch
        {
            ListTypeNode list => NamedTypeOf(list.Type),
            NonNullTypeNode nonNull => NamedTypeOf(nonNull.Type),
            _ => (NamedTypeNode)type,
        };

        private IEnumerable<string> InputTypeNames()
        {
            foreach (var type in Context.Schema.Types.Values)
            {
                if (type.IsInputType() && !type.Name.StartsWith("__", StringComparison.Ordinal))
                {
                    yield return type.Name;
                }
            }
        }
    }
}
