namespace Tasks.GraphQL.TypeSystem;

/// <summary>A union: a value is one of several object types.</summary>
public sealed class UnionType(string name) : IAbstractType
{
    internal List<ObjectType> MemberList { get; } = [];

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.Union;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Description { get; init; }

    /// <summary>The member types.</summary>
    public IReadOnlyList<ObjectType> Types => MemberList;

    /// <summary>Directives applied to the type in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <inheritdoc />
    public Func<object, ObjectType?>? ResolveType { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
