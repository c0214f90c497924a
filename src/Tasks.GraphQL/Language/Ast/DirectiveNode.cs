namespace Tasks.GraphQL.Language;

/// <summary>A directive applied to a node: <c>@name(arguments)</c> (spec §2.12).</summary>
public sealed class DirectiveNode : SyntaxNode
{
    /// <summary>Creates a directive node.</summary>
    public DirectiveNode()
        : base(NodeKind.Directive)
    {
    }

    /// <summary>The directive name, without <c>@</c>.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments in source order.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];
}
