using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Checks that a document is valid against a schema (spec §5) before it is executed: every rule runs
/// in one walk over the document, and every error is reported, up to <see cref="ValidationOptions.MaxErrors"/>.
/// </summary>
public static class DocumentValidator
{
    /// <summary>The <c>extensions.code</c> of every validation error.</summary>
    public const string ErrorCode = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>The rules of the specification (October 2021 and the current draft), in the order §5 gives them.</summary>
    public static IReadOnlyList<IValidationRule> SpecifiedRules { get; } =
    [
        new ExecutableDefinitions(),
        new OperationTypeExistence(),
        new OperationNameUniqueness(),
        new LoneAnonymousOperation(),
        new SingleRootField(),
        new FieldSelectionsOnObjectsInterfacesAndUnionsTypes(),
        new FieldSelectionMerging(),
        new LeafFieldSelections(),
        new ArgumentNames(),
        new ArgumentUniqueness(),
        new RequiredArguments(),
        new FragmentNameUniqueness(),
        new FragmentSpreadTypeExistence(),
        new FragmentsOnCompositeTypes(),
        new FragmentsMustBeUsed(),
        new FragmentSpreadTargetDefined(),
        new FragmentSpreadsMustNotFormCycles(),
        new FragmentSpreadIsPossible(),
        new ValuesOfCorrectType(),
        new InputObjectFieldNames(),
        new InputObjectFieldUniqueness(),
        new InputObjectRequiredFields(),
        new DirectivesAreDefined(),
        new DirectivesAreInValidLocations(),
        new DirectivesAreUniquePerLocation(),
        new VariableUniqueness(),
        new VariablesAreInputTypes(),
        new AllVariableUsesDefined(),
        new AllVariablesUsed(),
        new AllVariableUsagesAreAllowed(),
    ];

    /// <summary>Validates <paramref name="document"/> against <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="document">The parsed request document.</param>
    /// <param name="options">Limits and switches; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <returns>The errors, empty when the document is valid; each has <c>extensions.code</c> <see cref="ErrorCode"/> and <c>extensions.rule</c>.</returns>
    public static IReadOnlyList<GraphQLError> Validate(Schema schema, DocumentNode document, ValidationOptions? options = null) =>
        Run(schema, document, options).Errors;

    /// <summary>Validates and returns the whole context, so tests can see how much work the rules did.</summary>
    internal static ValidationContext Run(Schema schema, DocumentNode document, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(document);
        options ??= ValidationOptions.Default;
        var context = new ValidationContext(schema, document, options);
        var rules = options.Rules ?? SpecifiedRules;
        var visitors = new AstVisitor[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            visitors[i] = rules[i].CreateVisitor(context);
        }

        AstWalker.Walk(document, new ValidationWalk(context, new ParallelAstVisitor(visitors)));
        return context;
    }

    /// <summary>
    /// The one walk every rule shares: keeps <see cref="TypeInfo"/> and the variable usages up to date
    /// around the rules' hooks, and stops once the error limit is reached.
    /// </summary>
    private sealed class ValidationWalk(ValidationContext context, ParallelAstVisitor rules) : AstVisitor
    {
        public override VisitAction Enter(INode node)
        {
            context.TypeInfo.Enter(node);
            switch (node)
            {
                case IExecutableDefinitionNode definition:
                    context.EnterExecutableDefinition(definition);
                    break;
                case VariableNode variable when Parent is not VariableDefinitionNode:
                    context.RecordVariableUsage(variable, Parent);
                    break;
            }

            var action = rules.Enter(node);
            if (context.IsAborted)
            {
                return VisitAction.Stop;
            }

            // Type-system definitions are reported by ExecutableDefinitions; checking their insides
            // against the schema would only add noise.
            return node is ITypeSystemDefinitionNode or ITypeSystemExtensionNode ? VisitAction.SkipChildren : action;
        }

        public override void Leave(INode node)
        {
            rules.Leave(node);
            if (node is IExecutableDefinitionNode definition)
            {
                context.LeaveExecutableDefinition(definition);
            }

            context.TypeInfo.Leave(node);
        }

        internal override void AttachAncestors(IReadOnlyList<INode> ancestors)
        {
            base.AttachAncestors(ancestors);
            rules.AttachAncestors(ancestors);
        }
    }
}
