namespace Tasks.GraphQL.Validation;

/// <summary>How <see cref="DocumentValidator"/> validates a document.</summary>
public sealed class ValidationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>
    /// The most errors reported; past it validation stops with one more error saying so, so a hostile
    /// document costs bounded work and a bounded response. Defaults to 100.
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>
    /// Whether messages suggest close names (<c>Did you mean "name"?</c>). Defaults to true; a host that
    /// turns introspection off turns these off too, since they would reveal the schema.
    /// </summary>
    public bool IncludeSuggestions { get; init; } = true;

    /// <summary>The rules to run, in order; null runs <see cref="DocumentValidator.SpecifiedRules"/>.</summary>
    public IReadOnlyList<IValidationRule>? Rules { get; init; }
}
