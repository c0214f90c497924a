namespace Tasks.GraphQL.Language;

/// <summary>
/// An interface type definition: <c>Description? interface Name implements A @directives { fields }</c>;
/// the fields may be omitted (spec §3.7).
/// </summary>
public sealed class InterfaceTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates an interface type definition node.</summary>
    public InterfaceTypeDefinitionNode()
        : base(NodeKind.InterfaceTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <summary>The interfaces this interface implements.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The field definitions.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary>An interface type extension: <c>extend interface Name implements A @directives { fields }</c>, at least one part (spec §3.7.1).</summary>
public sealed class InterfaceTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates an interface type extension node.</summary>
    public InterfaceTypeExtensionNode()
        : base(NodeKind.InterfaceTypeExtension)
    {
    }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <summary>The interfaces added.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The fields added.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}
