namespace Tasks.GraphQL.Language;

/// <summary>A named fragment spread: <c>...Name @directives</c> (spec §2.8).</summary>
public sealed class FragmentSpreadNode : SyntaxNode, ISelectionNode
{
    /// <summary>Creates a fragment spread node.</summary>
    public FragmentSpreadNode()
        : base(NodeKind.FragmentSpread)
    {
    }

    /// <summary>The name of the fragment spread here.</summary>
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An inline fragment: <c>... on Type @directives { selections }</c>, type condition optional (spec §2.8.2).</summary>
public sealed class InlineFragmentNode : SyntaxNode, ISelectionNode
{
    /// <summary>Creates an inline fragment node.</summary>
    public InlineFragmentNode()
        : base(NodeKind.InlineFragment)
    {
    }

    /// <summary>The type the fragment applies to, or null to apply to the enclosing type.</summary>
    public NamedTypeNode? TypeCondition { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The selections made when the type condition holds.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}

/// <summary>A fragment definition: <c>Description? fragment Name on Type @directives { selections }</c> (spec §2.8).</summary>
public sealed class FragmentDefinitionNode : SyntaxNode, IExecutableDefinitionNode
{
    /// <summary>Creates a fragment definition node.</summary>
    public FragmentDefinitionNode()
        : base(NodeKind.FragmentDefinition)
    {
    }

    /// <summary>The description before <c>fragment</c> (working draft: executable descriptions), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The fragment name; never <c>on</c>.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type the fragment applies to.</summary>
    public required NamedTypeNode TypeCondition { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <inheritdoc />
    public required SelectionSetNode SelectionSet { get; init; }
}
