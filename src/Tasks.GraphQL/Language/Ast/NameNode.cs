namespace Tasks.GraphQL.Language;

/// <summary>A name: <c>/[_A-Za-z][_0-9A-Za-z]*/</c> (spec §2.1.9).</summary>
public sealed class NameNode : SyntaxNode
{
    /// <summary>Creates a name node.</summary>
    public NameNode()
        : base(NodeKind.Name)
    {
    }

    /// <summary>Creates a name node with its value.</summary>
    /// <param name="value">The name.</param>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public NameNode(string value)
        : base(NodeKind.Name)
    {
        Value = value;
    }

    /// <summary>The name itself.</summary>
    public required string Value { get; init; }
}
