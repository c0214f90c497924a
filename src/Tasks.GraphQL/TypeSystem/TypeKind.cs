namespace Tasks.GraphQL.TypeSystem;

/// <summary>The kinds of type of the GraphQL type system (spec §3), as introspection names them.</summary>
public enum TypeKind
{
    /// <summary>A leaf value: Int, String, DateTime, ...</summary>
    Scalar,

    /// <summary>An object with fields.</summary>
    Object,

    /// <summary>A set of fields several object types share.</summary>
    Interface,

    /// <summary>One of several object types.</summary>
    Union,

    /// <summary>One of a fixed set of names.</summary>
    Enum,

    /// <summary>A structured input value.</summary>
    InputObject,

    /// <summary>A list of another type.</summary>
    List,

    /// <summary>Another type, never null.</summary>
    NonNull,
}
