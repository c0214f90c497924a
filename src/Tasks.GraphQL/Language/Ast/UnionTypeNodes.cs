namespace Tasks.GraphQL.Language;

/// <summary>A union type definition: <c>Description? union Name @directives = A | B</c>; members may be omitted (spec §3.8).</summary>
public sealed class UnionTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates a union type definition node.</summary>
    public UnionTypeDefinitionNode()
        : base(NodeKind.UnionTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The member types.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}

/// <summary>A union type extension: <c>extend union Name @directives = C</c>, at least one part (spec §3.8.1).</summary>
public sealed class UnionTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates a union type extension node.</summary>
    public UnionTypeExtensionNode()
        : base(NodeKind.UnionTypeExtension)
    {
    }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The member types added.</summary>
    public IReadOnlyList<NamedTypeNode> Types { get; init; } = [];
}
