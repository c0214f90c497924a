namespace Tasks.GraphQL.Language;

/// <summary>
/// A directive definition: <c>Description? directive @name(arguments) repeatable? on LOCATION | ...</c>
/// (spec §3.13).
/// </summary>
public sealed class DirectiveDefinitionNode : SyntaxNode, ITypeSystemDefinitionNode, IHasDescription
{
    /// <summary>Creates a directive definition node.</summary>
    public DirectiveDefinitionNode()
        : base(NodeKind.DirectiveDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The directive name, without <c>@</c>.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>Whether the directive may be applied more than once at one location.</summary>
    public bool IsRepeatable { get; init; }

    /// <summary>The locations the directive may be used at, in source order; at least one.</summary>
    public IReadOnlyList<DirectiveLocation> Locations { get; init; } = [];
}
