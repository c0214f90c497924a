namespace Tasks.GraphQL.TypeSystem.Building;

/// <summary>The schema breaks rules of the type system; every broken rule is listed.</summary>
public sealed class SchemaValidationException(IReadOnlyList<string> errors)
    : Exception("Invalid schema:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)))
{
    /// <summary>Each broken rule, for people.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
