namespace Tasks.GraphQL.Language;

/// <summary>A field selection: <c>alias: name(arguments) @directives { selections }</c> (spec §2.5, §2.7).</summary>
public sealed class FieldNode : SyntaxNode, ISelectionNode
{
    /// <summary>Creates a field node.</summary>
    public FieldNode()
        : base(NodeKind.Field)
    {
    }

    /// <summary>The alias the result is returned under, or null.</summary>
    public NameNode? Alias { get; init; }

    /// <summary>The name of the field being selected.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The arguments in source order.</summary>
    public IReadOnlyList<ArgumentNode> Arguments { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <summary>The sub-selection, or null for a leaf field.</summary>
    public SelectionSetNode? SelectionSet { get; init; }

    /// <summary>The key of this field in the response: the alias when given, else the name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}
