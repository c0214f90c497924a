namespace Tasks.GraphQL.Language;

/// <summary>
/// The base of every AST node. Nodes are immutable once built. Equality is by reference; compare
/// trees structurally with <see cref="AstComparer"/>. <see cref="ToString"/> prints the node as GraphQL.
/// </summary>
public abstract class SyntaxNode : INode
{
    // Only this assembly defines node kinds, so walkers can switch over NodeKind exhaustively.
    private protected SyntaxNode(NodeKind kind) => Kind = kind;

    /// <inheritdoc />
    public NodeKind Kind { get; }

    /// <inheritdoc />
    public Location? Location { get; init; }

    /// <summary>The node printed as GraphQL text (see <see cref="Printer"/>).</summary>
    public override string ToString() => Printer.Print(this);
}
