using System.Globalization;
using System.Text;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>Reads Lambda's <c>X-Amz-Log-Result</c>: the base64 of the invocation's last 4 KB of logs.</summary>
public static class LambdaLogTail
{
    /// <summary>The response header carrying the tail.</summary>
    public const string Header = "X-Amz-Log-Result";

    /// <summary>
    /// Splits the tail into lines, oldest first, dropping empty ones. A line that starts with an ISO 8601 time and a tab
    /// or space (the Node.js and .NET runtimes' format) takes that time and keeps the rest as its message; other lines
    /// (START, END, REPORT, Python's) take <paramref name="readAt"/>. The first line may be cut: the tail is the last 4 KB.
    /// </summary>
    /// <param name="base64">The header's value (null or empty for none).</param>
    /// <param name="readAt">The time of lines that carry none.</param>
    /// <returns>The lines; none when the value is missing or not base64.</returns>
    public static IReadOnlyList<InvocationLogLine> Parse(string? base64, DateTimeOffset readAt)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            return [];
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            return [];
        }

        var lines = new List<InvocationLogLine>();
        foreach (var raw in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            lines.Add(ParseLine(line, readAt));
        }

        return lines;
    }

    private static InvocationLogLine ParseLine(string line, DateTimeOffset readAt)
    {
        var end = line.IndexOfAny(['\t', ' ']);
        if (end >= 20 && line[4] == '-' && line[10] == 'T'
            && DateTimeOffset.TryParse(line.AsSpan(0, end), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            var message = line[(end + 1)..];
            return new InvocationLogLine(time, message.Length == 0 ? line : message);
        }

        return new InvocationLogLine(readAt, line);
    }
}
