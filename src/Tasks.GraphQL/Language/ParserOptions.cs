namespace Tasks.GraphQL.Language;

/// <summary>Limits and switches for <see cref="Parser"/>.</summary>
public sealed class ParserOptions
{
    /// <summary>The options used when none are given.</summary>
    public static ParserOptions Default { get; } = new();

    /// <summary>
    /// The most tokens a document may contain; parsing stops with a syntax error past it, so a huge
    /// request costs bounded work. Defaults to 15,000.
    /// </summary>
    public int MaxTokens { get; init; } = 15_000;

    /// <summary>
    /// The deepest nesting of selection sets, list and object values and list types; parsing stops with
    /// a syntax error past it, which protects the stack from documents like <c>[[[[…</c>. Defaults to 200.
    /// </summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>When true, nodes get no <see cref="Location"/>, which saves a little memory and time.</summary>
    public bool NoLocation { get; init; }
}
