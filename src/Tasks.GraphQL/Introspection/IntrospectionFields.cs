using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary>
/// The meta-fields of spec §4.2: <c>__typename</c> on every object, interface and union, and <c>__schema</c> and
/// <c>__type(name:)</c> on the query type. They belong to no type's field map; the executor resolves them itself.
/// </summary>
public static class IntrospectionFields
{
    /// <summary><c>__typename: String!</c>: the name of the object type being selected from.</summary>
    public static FieldDefinition TypeName { get; } = new("__typename", new NonNullType(BuiltInScalars.String))
    {
        Description = "The name of the current Object type at runtime.",
    };

    /// <summary><c>__schema: __Schema!</c>: the schema.</summary>
    public static FieldDefinition Schema { get; } = new("__schema", new NonNullType(IntrospectionTypes.Schema))
    {
        Description = "Access the current type schema of this server.",
    };

    /// <summary><c>__type(name: String!): __Type</c>: the named type, or null.</summary>
    public static FieldDefinition Type { get; } = new("__type", IntrospectionTypes.Type)
    {
        Description = "Request the type information of a single type.",
        Arguments = new Dictionary<string, InputValueDefinition>(StringComparer.Ordinal)
        {
            ["name"] = new("name", new NonNullType(BuiltInScalars.String)),
        },
    };
}
