namespace Tasks.GraphQL.TypeSystem;

/// <summary>Questions the specification asks of types (IsInputType, IsOutputType, named type, nullability).</summary>
public static class TypeExtensions
{
    /// <summary>The named type inside any list and non-null wrappers.</summary>
    public static INamedType NamedType(this IGraphQLType type) => type switch
    {
        ListType list => list.OfType.NamedType(),
        NonNullType nonNull => nonNull.OfType.NamedType(),
        INamedType named => named,
        _ => throw new ArgumentException($"unknown type {type}", nameof(type)),
    };

    /// <summary>The type without its outer non-null wrapper.</summary>
    public static IGraphQLType Nullable(this IGraphQLType type) => type is NonNullType nonNull ? nonNull.OfType : type;

    /// <summary>Whether values of this type may be null.</summary>
    public static bool IsNullable(this IGraphQLType type) => type is not NonNullType;

    /// <summary>Scalars, enums, input objects and wrappers of them (spec: IsInputType).</summary>
    public static bool IsInputType(this IGraphQLType type) => type.NamedType() is ScalarType or EnumType or InputObjectType;

    /// <summary>Scalars, objects, interfaces, unions, enums and wrappers of them (spec: IsOutputType).</summary>
    public static bool IsOutputType(this IGraphQLType type) => type.NamedType() is not InputObjectType;

    /// <summary>Scalars and enums.</summary>
    public static bool IsLeafType(this IGraphQLType type) => type.NamedType() is ScalarType or EnumType;

    /// <summary>Whether two type references are the same (spec: AreTypesEqual over wrappers).</summary>
    public static bool IsSameType(this IGraphQLType left, IGraphQLType right) => (left, right) switch
    {
        (ListType l, ListType r) => l.OfType.IsSameType(r.OfType),
        (NonNullType l, NonNullType r) => l.OfType.IsSameType(r.OfType),
        (INamedType l, INamedType r) => ReferenceEquals(l, r) || l.Name == r.Name,
        _ => false,
    };
}
