namespace Tasks.GraphQL.TypeSystem;

/// <summary>An input object: named input fields; with <c>@oneOf</c>, exactly one of them must be given.</summary>
public sealed class InputObjectType(string name) : INamedType
{
    internal Dictionary<string, InputValueDefinition> FieldMap { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public TypeKind Kind => TypeKind.InputObject;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Description { get; init; }

    /// <summary>The input fields, in definition order.</summary>
    public IReadOnlyDictionary<string, InputValueDefinition> Fields => FieldMap;

    /// <summary>Whether exactly one field must be given, and not null (<c>@oneOf</c>).</summary>
    public bool IsOneOf { get; init; }

    /// <summary>Directives applied to the type in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
