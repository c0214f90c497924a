using System.Text;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>One line read from a child's output; <see cref="Truncated"/> when it was longer than the reader keeps.</summary>
internal readonly record struct OutputLine(string Text, bool Truncated);

/// <summary>
/// Reads lines (<c>\n</c> or <c>\r\n</c>) from a child's output, keeping at most <c>maxLineChars</c> of each, so a
/// function printing without newlines cannot make the service buffer without bound.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineChars)
{
    private readonly char[] buffer = new char[8192];
    private readonly StringBuilder line = new();
    private int position;
    private int length;
    private bool ended;

    /// <summary>The next line, or null at the end of the output (a last line without newline is still a line).</summary>
    public async ValueTask<OutputLine?> ReadLineAsync()
    {
        if (ended)
        {
            return null;
        }

        line.Clear();
        var truncated = false;
        var any = false;
        while (true)
        {
            if (position == length)
            {
                length = await reader.ReadAsync(buffer.AsMemory());
                position = 0;
                if (length == 0)
                {
                    ended = true;
                    return any ? new OutputLine(line.ToString(), truncated) : null;
                }
            }

            any = true;
            var newline = Array.IndexOf(buffer, '\n', position, length - position);
            var end = newline < 0 ? length : newline;
            var keep = Math.Min(end - position, maxLineChars - line.Length);
            if (keep > 0)
            {
                line.Append(buffer, position, keep);
            }

            truncated |= keep < end - position;
            position = newline < 0 ? length : newline + 1;
            if (newline >= 0)
            {
                if (line.Length > 0 && line[^1] == '\r')
                {
                    line.Length--;
                }

                return new OutputLine(line.ToString(), truncated);
            }
        }
    }
}
