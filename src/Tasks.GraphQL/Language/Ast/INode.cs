namespace Tasks.GraphQL.Language;

/// <summary>Any node of a GraphQL abstract syntax tree.</summary>
public interface INode
{
    /// <summary>Which kind of node this is; walkers and printers dispatch on it.</summary>
    NodeKind Kind { get; }

    /// <summary>Where the node was parsed from, or null when built in code or parsed without locations.</summary>
    Location? Location { get; }
}
