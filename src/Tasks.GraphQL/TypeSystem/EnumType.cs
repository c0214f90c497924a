namespace Tasks.GraphQL.TypeSystem;

/// <summary>An enum: one of a fixed set of names, each mapped to a value the resolvers use.</summary>
public sealed class EnumType(string name) : INamedType
{
    internal Dictionary<string, EnumValueDefinition> ValueMap { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.Enum;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Description { get; init; }

    /// <summary>The values, in definition order.</summary>
    public IReadOnlyDictionary<string, EnumValueDefinition> Values => ValueMap;

    /// <summary>Directives applied to the type in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <summary>The enum value whose runtime value is <paramref name="value"/>, if any.</summary>
    public EnumValueDefinition? ForRuntimeValue(object value)
    {
        foreach (var definition in ValueMap.Values)
        {
            if (Equals(definition.Value, value) || (value is string s && s == definition.Name))
            {
                return definition;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>One value of an enum.</summary>
/// <param name="Name">The name as written in queries and responses.</param>
/// <param name="Value">What resolvers receive and return for it (by default the name).</param>
public sealed record EnumValueDefinition(string Name, object Value)
{
    /// <summary>Its description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Why it should no longer be used, if deprecated.</summary>
    public string? DeprecationReason { get; init; }

    /// <summary>Directives applied to it in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];
}
