namespace Tasks.GraphQL.Language;

/// <summary>A schema definition: <c>Description? schema @directives { query: Query ... }</c> (spec §3.3).</summary>
public sealed class SchemaDefinitionNode : SyntaxNode, ITypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    /// <summary>Creates a schema definition node.</summary>
    public SchemaDefinitionNode()
        : base(NodeKind.SchemaDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The root operation types; at least one.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}

/// <summary>A root operation type: <c>query: Query</c> (spec §3.3.1).</summary>
public sealed class OperationTypeDefinitionNode : SyntaxNode
{
    /// <summary>Creates an operation type definition node.</summary>
    public OperationTypeDefinitionNode()
        : base(NodeKind.OperationTypeDefinition)
    {
    }

    /// <summary>Which operation the type is the root of.</summary>
    public OperationType Operation { get; init; }

    /// <summary>The root type.</summary>
    public required NamedTypeNode Type { get; init; }
}

/// <summary>A schema extension: <c>extend schema @directives { ... }</c>, with directives, operation types or both (spec §3.3.2).</summary>
public sealed class SchemaExtensionNode : SyntaxNode, ITypeSystemExtensionNode
{
    /// <summary>Creates a schema extension node.</summary>
    public SchemaExtensionNode()
        : base(NodeKind.SchemaExtension)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The root operation types added.</summary>
    public IReadOnlyList<OperationTypeDefinitionNode> OperationTypes { get; init; } = [];
}
