namespace Tasks.GraphQL.TypeSystem;

/// <summary>An interface: fields that every implementing type has.</summary>
public sealed class InterfaceType(string name) : IComplexType, IAbstractType
{
    internal Dictionary<string, FieldDefinition> FieldMap { get; } = new(StringComparer.Ordinal);

    internal List<InterfaceType> InterfaceList { get; } = [];

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.Interface;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Description { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, FieldDefinition> Fields => FieldMap;

    /// <inheritdoc />
    public IReadOnlyList<InterfaceType> Interfaces => InterfaceList;

    /// <summary>Directives applied to the type in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <inheritdoc />
    public Func<object, ObjectType?>? ResolveType { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
