namespace Tasks.GraphQL.Language;

/// <summary>A reference to a type by name (spec §2.11).</summary>
public sealed class NamedTypeNode : SyntaxNode, ITypeNode
{
    /// <summary>Creates a named type node.</summary>
    public NamedTypeNode()
        : base(NodeKind.NamedType)
    {
    }

    /// <summary>The type's name.</summary>
    public required NameNode Name { get; init; }
}

/// <summary>A list type <c>[Type]</c> (spec §2.11).</summary>
public sealed class ListTypeNode : SyntaxNode, ITypeNode
{
    /// <summary>Creates a list type node.</summary>
    public ListTypeNode()
        : base(NodeKind.ListType)
    {
    }

    /// <summary>The type of the items.</summary>
    public required ITypeNode Type { get; init; }
}

/// <summary>A non-null type <c>Type!</c> (spec §2.11).</summary>
public sealed class NonNullTypeNode : SyntaxNode, ITypeNode
{
    /// <summary>Creates a non-null type node.</summary>
    public NonNullTypeNode()
        : base(NodeKind.NonNullType)
    {
    }

    /// <summary>The wrapped type: a <see cref="NamedTypeNode"/> or <see cref="ListTypeNode"/>, never another non-null type.</summary>
    public required ITypeNode Type { get; init; }
}
