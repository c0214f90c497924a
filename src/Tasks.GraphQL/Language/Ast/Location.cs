namespace Tasks.GraphQL.Language;

/// <summary>
/// Where a node or token sits in its <see cref="Language.Source"/>: character offsets of its first
/// character and one past its last, and the 1-based line and column of its first character.
/// </summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
/// <param name="Source">The source the offsets refer to, so errors can quote it.</param>
public readonly record struct Location(int Start, int End, int Line, int Column, Source Source)
{
    /// <summary>The line and column of the first character, as reported in GraphQL errors.</summary>
    public SourceLocation StartLocation => new(Line, Column);

    /// <summary>The text this location spans.</summary>
    public string Text => Source.Body[Start..End];
}

/// <summary>A 1-based line and column, the shape of the <c>locations</c> entries in a GraphQL error.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(int Line, int Column);
