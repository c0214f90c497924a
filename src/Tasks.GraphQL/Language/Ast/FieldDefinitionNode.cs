namespace Tasks.GraphQL.Language;

/// <summary>A field of an object or interface type: <c>Description? name(arguments): Type @directives</c> (spec §3.6).</summary>
public sealed class FieldDefinitionNode : SyntaxNode, IHasDirectives, IHasDescription
{
    /// <summary>Creates a field definition node.</summary>
    public FieldDefinitionNode()
        : base(NodeKind.FieldDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>The field's output type.</summary>
    public required ITypeNode Type { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
