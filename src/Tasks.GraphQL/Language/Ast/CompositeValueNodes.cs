namespace Tasks.GraphQL.Language;

/// <summary>A list literal <c>[a, b]</c>, possibly empty (spec §2.9.7).</summary>
public sealed class ListValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a list value node.</summary>
    public ListValueNode()
        : base(NodeKind.ListValue)
    {
    }

    /// <summary>The items in source order.</summary>
    public IReadOnlyList<IValueNode> Values { get; init; } = [];
}

/// <summary>An input object literal <c>{a: 1, b: 2}</c>, possibly empty (spec §2.9.8).</summary>
public sealed class ObjectValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates an object value node.</summary>
    public ObjectValueNode()
        : base(NodeKind.ObjectValue)
    {
    }

    /// <summary>The fields in source order.</summary>
    public IReadOnlyList<ObjectFieldNode> Fields { get; init; } = [];
}

/// <summary>One field of an input object literal: <c>name: value</c> (spec §2.9.8).</summary>
public sealed class ObjectFieldNode : SyntaxNode
{
    /// <summary>Creates an object field node.</summary>
    public ObjectFieldNode()
        : base(NodeKind.ObjectField)
    {
    }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The field value.</summary>
    public required IValueNode Value { get; init; }
}
