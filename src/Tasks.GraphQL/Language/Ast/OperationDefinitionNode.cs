namespace Tasks.GraphQL.Language;

/// <summary>
/// An operation: <c>Description? OperationType Name? VariablesDefinition? Directives? SelectionSet</c>,
/// or the query shorthand, a bare selection set (spec §2.3).
/// </summary>
public sealed class OperationDefinitionNode : SyntaxNode, IExecutableDefinitionNode
{
    /// <summary>Creates an operation definition node.</summary>
    public OperationDefinitionNode()
        : base(NodeKind.OperationDefinition)
    {
    }

    /// <summary>The description before the operation keyword (working draft: executable descriptions), or null.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>Query, mutation or subscription; the shorthand is a query.</summary>
    public OperationType Operation { get; init; }

    /// <summary>The operation name, or null when anonymous.</summary>
    public NameNode? Name { get; init; }

    /// <summary>The declared variables.</summary>
    public IReadOnlyList<VariableDefinitionNode> VariableDefinitions { get; init; } = [];

    /// <inheritdoc />
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];

    /// <inheritdoc />
    public required SelectionSetNode SelectionSet { get; init; }
}
