using System.Text;

namespace Tasks.GraphQL.Tests.Transport.Support;

/// <summary>Reads a <c>text/event-stream</c> body event by event, as an EventSource would (comments included).</summary>
internal sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader reader = new(body, Encoding.UTF8);

    /// <summary>Reads the next event or comment block; null at the end of the stream.</summary>
    public async Task<ServerSentEvent?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? eventName = null;
        var data = new List<string>();
        var comment = false;
        while (await reader.ReadLineAsync(cancellation.Token) is { } line)
        {
            if (line.Length == 0)
            {
                return new ServerSentEvent(eventName, data.Count == 0 ? null : string.Join('\n', data), comment);
            }

            if (line.StartsWith(':'))
            {
                comment = true;
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line["event:".Length..].TrimStart();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }

        return null;
    }

    public void Dispose() => reader.Dispose();
}

/// <param name="Event">The event name; null for a comment.</param>
/// <param name="Data">The joined data lines; null when there were none.</param>
/// <param name="IsComment">A keep-alive comment.</param>
internal sealed record ServerSentEvent(string? Event, string? Data, bool IsComment);
