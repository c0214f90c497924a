namespace Tasks.GraphQL.Language;

/// <summary>A scalar type definition: <c>Description? scalar Name @directives</c> (spec §3.5).</summary>
public sealed class ScalarTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates a scalar type definition node.</summary>
    public ScalarTypeDefinitionNode()
        : base(NodeKind.ScalarTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>A scalar type extension: <c>extend scalar Name @directives</c>, directives required (spec §3.5.1).</summary>
public sealed class ScalarTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates a scalar type extension node.</summary>
    public ScalarTypeExtensionNode()
        : base(NodeKind.ScalarTypeExtension)
    {
    }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
