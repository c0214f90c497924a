namespace Tasks.GraphQL.Language;

/// <summary>What an <see cref="AstVisitor"/> wants after entering a node.</summary>
public enum VisitAction
{
    /// <summary>Visit the node's children, then leave it.</summary>
    Continue,

    /// <summary>Do not visit the node's children; still leave it.</summary>
    SkipChildren,

    /// <summary>End the walk now.</summary>
    Stop,
}
