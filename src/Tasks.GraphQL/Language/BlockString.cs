using System.Buffers;

namespace Tasks.GraphQL.Language;

/// <summary>
/// The block string rules of spec §2.9.4: <see cref="Dedent"/> is <c>BlockStringValue()</c>, turning the
/// raw text between <c>"""</c> delimiters into the string's value; <see cref="CanPrintAsBlock"/> and
/// <see cref="Print"/> go the other way.
/// </summary>
public static class BlockString
{
    /// <summary>
    /// <c>BlockStringValue(rawValue)</c>: removes the common indentation of every line but the first
    /// (counting only lines that are not all white space), drops leading and trailing lines that are all
    /// white space, and joins the lines with <c>\n</c>. The raw text must already have <c>\"""</c> replaced.
    /// </summary>
    /// <param name="raw">The raw text between the delimiters.</param>
    public static string Dedent(ReadOnlySpan<char> raw)
    {
        // First pass: the common indentation and the first and last lines that have content.
        var commonIndent = int.MaxValue;
        var firstContentLine = -1;
        var lastContentLine = -1;
        var lineIndex = 0;
        var position = 0;
        while (true)
        {
            var lineStart = position;
            while (position < raw.Length && raw[position] is ' ' or '\t')
            {
                position++;
            }

            var indent = position - lineStart;
            while (position < raw.Length && raw[position] is not ('\n' or '\r'))
            {
                position++;
            }

            if (position > lineStart + indent)
            {
                if (firstContentLine < 0)
                {
                    firstContentLine = lineIndex;
                }

                lastContentLine = lineIndex;
                if (lineIndex > 0 && indent < commonIndent)
                {
                    commonIndent = indent;
                }
            }

            if (position >= raw.Length)
            {
                break;
            }

            position = SkipLineTerminator(raw, position);
            lineIndex++;
        }

        if (firstContentLine < 0)
        {
            return string.Empty;
        }

        if (lineIndex == 0)
        {
            return new string(raw);
        }

        if (commonIndent == int.MaxValue)
        {
            commonIndent = 0;
        }

        // Second pass: copy the kept lines. The value is never longer than the raw text.
        char[]? rented = null;
        var output = raw.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var written = 0;
        lineIndex = 0;
        position = 0;
        while (lineIndex <= lastContentLine)
        {
            var lineStart = position;
            while (position < raw.Length && raw[position] is not ('\n' or '\r'))
            {
                position++;
            }

            if (lineIndex >= firstContentLine)
            {
                var line = raw[lineStart..position];
                if (lineIndex > 0)
                {
                    line = line[Math.Min(commonIndent, line.Length)..];
                }

                if (lineIndex > firstContentLine)
                {
                    output[written++] = '\n';
                }

                line.CopyTo(output[written..]);
                written += line.Length;
            }

            if (position < raw.Length)
            {
                position = SkipLineTerminator(raw, position);
            }

            lineIndex++;
        }

        var result = new string(output[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>
    /// Whether a value can be written as a block string that reads back as the same value. It cannot when
    /// it contains <c>\r</c> (line ends read back as <c>\n</c>), begins or ends with a line that is all white
    /// space (such lines are dropped), or every line is indented (the indentation would be removed).
    /// </summary>
    /// <param name="value">The string value.</param>
    public static bool CanPrintAsBlock(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Contains('\r', StringComparison.Ordinal) || HasLoneSurrogate(value))
        {
            return false;
        }

        // Only \n remains as a line terminator here (\r was ruled out above).
        var lineCount = 0;
        var someLineUnindented = false;
        var lastLineBlank = false;
        var lineStart = 0;
        while (lineStart <= value.Length)
        {
            var lineEnd = value.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = value.Length;
            }

            var line = value.AsSpan(lineStart, lineEnd - lineStart);
            var indent = line.Length - line.TrimStart(" \t").Length;
            var blank = indent == line.Length;
            if (lineCount == 0 && blank)
            {
                return false;
            }

            someLineUnindented |= !blank && indent == 0;
            lastLineBlank = blank;
            lineCount++;
            lineStart = lineEnd + 1;
        }

        return lineCount == 1 || (!lastLineBlank && someLineUnindented);
    }

    /// <summary>
    /// Writes a value as a block string with no surrounding indentation. A single line stays on one line;
    /// several lines go between delimiters on lines of their own. <c>"""</c> inside is escaped.
    /// </summary>
    /// <param name="value">A value for which <see cref="CanPrintAsBlock"/> holds.</param>
    /// <exception cref="ArgumentException">The value cannot be written as a block string.</exception>
    public static string Print(string value)
    {
        if (!CanPrintAsBlock(value))
        {
            throw new ArgumentException("The value cannot be written as a block string.", nameof(value));
        }

        return Printer.Print(new StringValueNode { Value = value, IsBlock = true });
    }

    private static int SkipLineTerminator(ReadOnlySpan<char> text, int position) =>
        text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? position + 2 : position + 1;

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
            {
                return true;
            }

            i++;
        }

        return false;
    }
}
