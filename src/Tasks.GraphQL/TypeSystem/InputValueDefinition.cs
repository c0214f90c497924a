using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>An argument or an input object field: a name, an input type and perhaps a default.</summary>
public sealed class InputValueDefinition(string name, IGraphQLType type)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The input type.</summary>
    public IGraphQLType Type { get; internal set; } = type;

    /// <summary>Its description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>The default value as written in the schema, if any (kept as a literal, so introspection prints it as written).</summary>
    public IValueNode? DefaultValue { get; init; }

    /// <summary>Why it should no longer be used, if deprecated.</summary>
    public string? DeprecationReason { get; init; }

    /// <summary>Directives applied to it in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <summary>Whether a value must be given: non-null and no default.</summary>
    public bool IsRequired => Type is NonNullType && DefaultValue is null;
}
