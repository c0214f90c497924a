namespace Tasks.GraphQL.Language;

/// <summary>An input object type definition: <c>Description? input Name @directives { fields }</c>; fields may be omitted (spec §3.10).</summary>
public sealed class InputObjectTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates an input object type definition node.</summary>
    public InputObjectTypeDefinitionNode()
        : base(NodeKind.InputObjectTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The input field definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}

/// <summary>An input object type extension: <c>extend input Name @directives { fields }</c>, at least one part (spec §3.10.1).</summary>
public sealed class InputObjectTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates an input object type extension node.</summary>
    public InputObjectTypeExtensionNode()
        : base(NodeKind.InputObjectTypeExtension)
    {
    }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The input fields added.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Fields { get; init; } = [];
}
