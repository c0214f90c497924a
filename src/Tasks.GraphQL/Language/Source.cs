namespace Tasks.GraphQL.Language;

/// <summary>
/// The text of a GraphQL document together with a name for it (a file name, or "GraphQL request"),
/// so that locations and errors can point into it and quote it.
/// </summary>
public sealed class Source
{
    /// <summary>The name used when a source is not given one.</summary>
    public const string DefaultName = "GraphQL request";

    /// <summary>Creates a source from its text.</summary>
    /// <param name="body">The GraphQL text.</param>
    /// <param name="name">A name for the text, shown in error messages.</param>
    public Source(string body, string name = DefaultName)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(name);
        Body = body;
        Name = name;
    }

    /// <summary>The GraphQL text.</summary>
    public string Body { get; }

    /// <summary>A name for the text, shown in error messages.</summary>
    public string Name { get; }

    /// <summary>
    /// The 1-based line and column of a character offset. Lines end at <c>\n</c>, <c>\r\n</c> or
    /// <c>\r</c> (spec §2.1.2); columns count UTF-16 code units. Offsets past the end give the
    /// position just after the last character.
    /// </summary>
    /// <param name="offset">A character offset into <see cref="Body"/>.</param>
    public SourceLocation GetLocation(int offset)
    {
        var end = Math.Clamp(offset, 0, Body.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < end; i++)
        {
            var c = Body[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= Body.Length || Body[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(line, end - lineStart + 1);
    }

    /// <summary>The text of a 1-based line without its line terminator, or empty past the end.</summary>
    /// <param name="line">The 1-based line number.</param>
    public string GetLine(int line)
    {
        var current = 1;
        var start = 0;
        for (var i = 0; i <= Body.Length; i++)
        {
            var atEnd = i == Body.Length;
            var c = atEnd ? '\n' : Body[i];
            if (c != '\n' && c != '\r')
            {
                continue;
            }

            if (current == line)
            {
                return Body[start..i];
            }

            if (c == '\r' && i + 1 < Body.Length && Body[i + 1] == '\n')
            {
                i++;
            }

            current++;
            start = i + 1;
            if (atEnd)
            {
                break;
            }
        }

        return string.Empty;
    }

    /// <summary>
    /// A short excerpt for error messages: the source name with line and column, the line itself and a
    /// caret under the column.
    /// </summary>
    /// <param name="location">The place to point at.</param>
    public string Excerpt(SourceLocation location)
    {
        var lineText = GetLine(location.Line);
        var gutter = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Name} ({location.Line}:{location.Column})\n{gutter} | {lineText}\n{new string(' ', gutter.Length)} | {new string(' ', Math.Max(0, location.Column - 1))}^";
    }
}
