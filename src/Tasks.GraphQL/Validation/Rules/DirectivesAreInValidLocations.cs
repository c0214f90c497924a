using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Directives Are In Valid Locations (spec §5.7.2): a directive is used only at locations its
/// definition lists, such as <c>FIELD</c> or <c>QUERY</c>.
/// </summary>
public sealed class DirectivesAreInValidLocations : IValidationRule
{
    /// <inheritdoc />
    public string Name => nameof(DirectivesAreInValidLocations);

    /// <inheritdoc />
    public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

    /// <summary>The executable location of a node that carries directives, or null for other nodes.</summary>
    internal static DirectiveLocation? LocationOf(INode? node) => node switch
    {
        OperationDefinitionNode operation => operation.Operation switch
        {
            OperationType.Mutation => DirectiveLocation.Mutation,
            OperationType.Subscription => DirectiveLocation.Subscription,
            _ => DirectiveLocation.Query,
        },
        FieldNode => DirectiveLocation.Field,
        FragmentSpreadNode => DirectiveLocation.FragmentSpread,
        InlineFragmentNode => DirectiveLocation.InlineFragment,
        FragmentDefinitionNode => DirectiveLocation.FragmentDefinition,
        VariableDefinitionNode => DirectiveLocation.VariableDefinition,
        _ => null,
    };

    private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
    {
        protected override VisitAction EnterDirective(DirectiveNode node)
        {
            if (TypeInfo.Directive is { } directive && LocationOf(Parent) is { } location && !Allows(directive.Locations, location))
            {
                ReportError($"Directive \"@{directive.Name}\" may not be used on {location.ToSpecName()}.", node);
            }

            return VisitAction.SkipChildren;
        }

        private static bool Allows(IReadOnlyList<DirectiveLocation> locations, DirectiveLocation location)
        {
            for (var i = 0; i < locations.Count; i++)
            {
                if (locations[i] == location)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
