namespace Tasks.GraphQL.Language;

/// <summary>An enum type definition: <c>Description? enum Name @directives { VALUES }</c>; values may be omitted (spec §3.9).</summary>
public sealed class EnumTypeDefinitionNode : SyntaxNode, ITypeDefinitionNode
{
    /// <summary>Creates an enum type definition node.</summary>
    public EnumTypeDefinitionNode()
        : base(NodeKind.EnumTypeDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The value definitions.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}

/// <summary>One value of an enum type: <c>Description? VALUE @directives</c>; never <c>true</c>, <c>false</c> or <c>null</c> (spec §3.9).</summary>
public sealed class EnumValueDefinitionNode : SyntaxNode, IHasDirectives, IHasDescription
{
    /// <summary>Creates an enum value definition node.</summary>
    public EnumValueDefinitionNode()
        : base(NodeKind.EnumValueDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The value's name.</summary>
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>An enum type extension: <c>extend enum Name @directives { VALUES }</c>, at least one part (spec §3.9.1).</summary>
public sealed class EnumTypeExtensionNode : SyntaxNode, ITypeExtensionNode
{
    /// <summary>Creates an enum type extension node.</summary>
    public EnumTypeExtensionNode()
        : base(NodeKind.EnumTypeExtension)
    {
    }

    /// <inheritdoc />
    public required NameNode Name { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The values added.</summary>
    public IReadOnlyList<EnumValueDefinitionNode> Values { get; init; } = [];
}
