namespace Tasks.GraphQL.Execution.Planning;

/// <summary>How the executor obtains a field's value.</summary>
internal enum FieldKind : byte
{
    /// <summary>The field's resolver, or the default resolver when it has none.</summary>
    Resolved,

    /// <summary><c>__typename</c>: the name of the object type.</summary>
    TypeName,

    /// <summary><c>__schema</c> on the query type: the schema.</summary>
    Schema,

    /// <summary><c>__type(name:)</c> on the query type: the named type.</summary>
    Type,

    /// <summary>A subscription root field without a resolver: the source event itself.</summary>
    SourceEvent,
}
