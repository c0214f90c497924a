namespace Tasks.GraphQL.TypeSystem;

/// <summary>Any GraphQL type: a named type, or a list or non-null wrapper around one.</summary>
public interface IGraphQLType
{
    /// <summary>The kind of type.</summary>
    TypeKind Kind { get; }
}

/// <summary>A type with a name, defined once in a schema.</summary>
public interface INamedType : IGraphQLType
{
    /// <summary>The type's name.</summary>
    string Name { get; }

    /// <summary>Its description, if any.</summary>
    string? Description { get; }
}

/// <summary>A type with fields: objects and interfaces.</summary>
public interface IComplexType : INamedType
{
    /// <summary>The fields, in definition order.</summary>
    IReadOnlyDictionary<string, FieldDefinition> Fields { get; }

    /// <summary>The interfaces it implements.</summary>
    IReadOnlyList<InterfaceType> Interfaces { get; }
}

/// <summary>An abstract type: an interface or a union, resolved to an object type at run time.</summary>
public interface IAbstractType : INamedType
{
    /// <summary>Chooses the object type of a value, or null to fall back to the object types' own checks.</summary>
    Func<object, ObjectType?>? ResolveType { get; }
}
