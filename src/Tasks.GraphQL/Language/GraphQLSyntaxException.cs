namespace Tasks.GraphQL.Language;

/// <summary>
/// A document that does not match the GraphQL grammar. The message reads
/// <c>Syntax Error: Expected Name, found "}".</c>; <see cref="Locations"/> gives the line and column.
/// </summary>
public sealed class GraphQLSyntaxException : Exception
{
    /// <summary>Creates a syntax error at a character offset of a source.</summary>
    /// <param name="source">The source that failed to parse.</param>
    /// <param name="position">The character offset the error is reported at.</param>
    /// <param name="reason">What is wrong, without the "Syntax Error: " prefix.</param>
    /// <param name="code">The kind of error.</param>
    public GraphQLSyntaxException(Source source, int position, string reason, SyntaxErrorCode code)
        : base("Syntax Error: " + reason)
    {
        ArgumentNullException.ThrowIfNull(source);
        DocumentSource = source;
        Position = position;
        Reason = reason;
        Code = code;
        Locations = [source.GetLocation(position)];
    }

    /// <summary>The GraphQL source that failed to parse (<see cref="Exception.Source"/> is .NET's, naming the assembly).</summary>
    public Source DocumentSource { get; }

    /// <summary>The character offset the error is reported at.</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the "Syntax Error: " prefix.</summary>
    public string Reason { get; }

    /// <summary>The kind of error.</summary>
    public SyntaxErrorCode Code { get; }

    /// <summary>The line and column of the error, for the <c>locations</c> of a GraphQL error; always one entry.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>The message followed by the offending line of the source and a caret under the column.</summary>
    public string ToDetailedString() => Message + "\n\n" + DocumentSource.Excerpt(Locations[0]);
}
