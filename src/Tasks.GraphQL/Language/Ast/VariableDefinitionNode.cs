namespace Tasks.GraphQL.Language;

/// <summary>A variable declared by an operation: <c>Description? $name: Type = default @directives</c> (spec §2.10).</summary>
public sealed class VariableDefinitionNode : SyntaxNode, IHasDirectives, IHasDescription
{
    /// <summary>Creates a variable definition node.</summary>
    public VariableDefinitionNode()
        : base(NodeKind.VariableDefinition)
    {
    }

    /// <summary>The description before the variable (working draft: executable descriptions), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The variable being declared.</summary>
    public required VariableNode Variable { get; init; }

    /// <summary>The variable's input type.</summary>
    public required ITypeNode Type { get; init; }

    /// <summary>The constant default value, or null when none is given.</summary>
    public IValueNode? DefaultValue { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
