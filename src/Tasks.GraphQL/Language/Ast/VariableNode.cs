namespace Tasks.GraphQL.Language;

/// <summary>A variable reference <c>$name</c>, usable wherever a non-constant value is (spec §2.10).</summary>
public sealed class VariableNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a variable node.</summary>
    public VariableNode()
        : base(NodeKind.Variable)
    {
    }

    /// <summary>The variable name, without <c>$</c>.</summary>
    public required NameNode Name { get; init; }
}
