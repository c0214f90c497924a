namespace Tasks.GraphQL.Language;

/// <summary>A whole GraphQL document: one or more definitions (spec §2.2).</summary>
public sealed class DocumentNode : SyntaxNode
{
    /// <summary>Creates a document node.</summary>
    public DocumentNode()
        : base(NodeKind.Document)
    {
    }

    /// <summary>The definitions in source order.</summary>
    public IReadOnlyList<IDefinitionNode> Definitions { get; init; } = [];
}
