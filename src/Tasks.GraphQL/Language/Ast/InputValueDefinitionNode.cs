namespace Tasks.GraphQL.Language;

/// <summary>
/// An argument definition or input object field: <c>Description? name: Type = default @directives</c>
/// (spec §3.6.1, §3.10).
/// </summary>
public sealed class InputValueDefinitionNode : SyntaxNode, IHasDirectives, IHasDescription
{
    /// <summary>Creates an input value definition node.</summary>
    public InputValueDefinitionNode()
        : base(NodeKind.InputValueDefinition)
    {
    }

    /// <inheritdoc />
    public StringValueNode? Description { get; init; }

    /// <summary>The argument or field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The input type.</summary>
    public required ITypeNode Type { get; init; }

    /// <summary>The constant default value, or null.</summary>
    public IValueNode? DefaultValue { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
