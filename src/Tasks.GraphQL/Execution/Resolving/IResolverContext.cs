using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Resolving;

/// <summary>What a resolver knows when it runs.</summary>
public interface IResolverContext
{
    /// <summary>The value of the parent object (the root value for root fields).</summary>
    object? Parent { get; }

    /// <summary>The field being resolved.</summary>
    FieldDefinition Field { get; }

    /// <summary>The object type the field belongs to.</summary>
    ObjectType ParentType { get; }

    /// <summary>The coerced argument values, by name (absent arguments without defaults are missing).</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The request: caller, services, items.</summary>
    RequestContext Request { get; }

    /// <summary>The response path of this field (names and list indexes).</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>Fires when the request is cancelled or times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>The argument <paramref name="name"/> as <typeparamref name="T"/>, or default when absent or null.</summary>
    T? Argument<T>(string name);

    /// <summary>Per-request state shared by resolvers (batch loaders live here).</summary>
    IDictionary<string, object> RequestItems { get; }
}
