namespace Tasks.GraphQL.Language;

/// <summary>An argument of a field or directive: <c>name: value</c> (spec §2.6).</summary>
public sealed class ArgumentNode : SyntaxNode
{
    /// <summary>Creates an argument node.</summary>
    public ArgumentNode()
        : base(NodeKind.Argument)
    {
    }

    /// <summary>The argument name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The argument value.</summary>
    public required IValueNode Value { get; init; }
}
