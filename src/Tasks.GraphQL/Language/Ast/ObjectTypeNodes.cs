namespace Tasks.GraphQL.Language;

/// <summary>
/// An object type definition: <c>Description? type Name implements A &amp; B @directives { fields }</c>;
/// the fields may be omitted (spec §3.6).
/// </summary>
public sealed class ObjectTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates an object type definition node.</summary>
    public ObjectTypeDefinitionNode()
        : base(NodeKind.ObjectTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <summary>The interfaces implemented.</summary>
    public IReadOnlyList<NamedTypeNode> Interfaces { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The field definitions.</summary>
    public IReadOnlyList<FieldDefinitionNode> Fields { get; init; } = [];
}

/// <summary>An object type extension: <c>extend type Name implements A @directives { fields }</c>, at least one part (spec §3.6.3).</summary>
public sealed class ObjectTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates an object type extension node.</summary>
    public ObjectTypeExtensionNode()
        : base(NodeKind.ObjectTypeExtension)
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
