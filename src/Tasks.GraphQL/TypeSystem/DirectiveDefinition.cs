using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>A directive the schema defines: where it may appear and what arguments it takes.</summary>
/// <param name="Name">The name, without <c>@</c>.</param>
/// <param name="Locations">Where it may be used.</param>
/// <param name="IsRepeatable">Whether it may appear more than once at one location.</param>
public sealed record DirectiveDefinition(string Name, IReadOnlyList<DirectiveLocation> Locations, bool IsRepeatable = false)
{
    /// <summary>Its description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Its arguments, in definition order.</summary>
    public IReadOnlyDictionary<string, InputValueDefinition> Arguments { get; init; } = FieldDefinition.EmptyArguments;
}
