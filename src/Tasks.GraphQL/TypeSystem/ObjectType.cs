namespace Tasks.GraphQL.TypeSystem;

/// <summary>An object type: named fields, perhaps implementing interfaces.</summary>
public sealed class ObjectType(string name) : IComplexType
{
    internal Dictionary<string, FieldDefinition> FieldMap { get; } = new(StringComparer.Ordinal);

    internal List<InterfaceType> InterfaceList { get; } = [];

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.Object;

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

    /// <summary>Whether a value is of this type, when an abstract type has no <see cref="IAbstractType.ResolveType"/>.</summary>
    public Func<object, bool>? IsTypeOf { get; set; }

    /// <inheritdoc />
    public override string ToString() => Name;
}
