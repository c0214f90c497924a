using System.Globalization;
using System.Text;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// The lines a function logs (stdout and stderr, in the order read), stamped with the time they were read, up to a
/// number of lines and of UTF-8 bytes; past either limit, the last line kept is a "… truncated" notice.
/// </summary>
internal sealed class LogCollector(int maxLines, int maxBytes)
{
    private readonly Lock gate = new();
    private readonly List<InvocationLogLine> lines = [];
    private int keptBytes;
    private int totalLines;
    private long totalBytes;
    private bool truncated;
    private IReadOnlyList<InvocationLogLine>? sealedLines;

    /// <summary>Adds a line (ignored once <see cref="Seal"/> has been called).</summary>
    public void Add(string message, bool cut = false)
    {
        var bytes = Encoding.UTF8.GetByteCount(message);
        var now = DateTimeOffset.UtcNow;
        lock (gate)
        {
            if (sealedLines is not null)
            {
                return;
            }

            totalLines++;
            totalBytes += bytes;
            truncated |= cut;
            if (lines.Count >= maxLines || keptBytes >= maxBytes)
            {
                truncated = true;
                return;
            }

            if (keptBytes + bytes > maxBytes)
            {
                message = Prefix(message, maxBytes - keptBytes);
                bytes = Encoding.UTF8.GetByteCount(message);
                truncated = true;
            }

            keptBytes += bytes;
            lines.Add(new InvocationLogLine(now, message));
        }
    }

    /// <summary>The lines kept, with the truncation notice when something was left out; later lines are ignored.</summary>
    public IReadOnlyList<InvocationLogLine> Seal()
    {
        lock (gate)
        {
            if (sealedLines is not null)
            {
                return sealedLines;
            }

            if (truncated)
            {
                if (lines.Count >= maxLines && lines.Count > 0)
                {
                    lines.RemoveAt(lines.Count - 1);
                }

                lines.Add(new InvocationLogLine(
                    DateTimeOffset.UtcNow,
                    string.Create(CultureInfo.InvariantCulture, $"… truncated: the function logged {totalLines} lines ({totalBytes} bytes); at most {maxLines} lines and {maxBytes} bytes are kept.")));
            }

            sealedLines = lines.ToArray();
            return sealedLines;
        }
    }

    private static string Prefix(string message, int bytes)
    {
        var length = Math.Min(message.Length, bytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(message.AsSpan(0, length)) > bytes)
        {
            length--;
        }

        // Never split a surrogate pair.
        if (length > 0 && char.IsHighSurrogate(message[length - 1]))
        {
            length--;
        }

        return message[..length];
    }
}
