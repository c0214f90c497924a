namespace Tasks.GraphQL.Language;

/// <summary>A braced, non-empty list of selections (spec §2.4).</summary>
public sealed class SelectionSetNode : SyntaxNode
{
    /// <summary>Creates a selection set node.</summary>
    public SelectionSetNode()
        : base(NodeKind.SelectionSet)
    {
    }

    /// <summary>The fields, fragment spreads and inline fragments in source order.</summary>
    public IReadOnlyList<ISelectionNode> Selections { get; init; } = [];
}
