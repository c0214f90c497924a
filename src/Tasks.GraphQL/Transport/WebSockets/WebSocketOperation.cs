namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>An operation running on a socket: its client-chosen id and the switch that stops it.</summary>
internal sealed class WebSocketOperation : IDisposable
{
    private readonly CancellationTokenSource cancellation;

    public WebSocketOperation(string id, CancellationToken sessionEnding)
    {
        Id = id;
        cancellation = CancellationTokenSource.CreateLinkedTokenSource(sessionEnding);
        // Captured once: reading Token from a disposed source throws, and the receive loop may still look.
        Token = cancellation.Token;
    }

    public string Id { get; }

    /// <summary>Fires when the client completes the operation or the session ends.</summary>
    public CancellationToken Token { get; }

    public bool IsCancelled => Token.IsCancellationRequested;

    public void Cancel()
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The operation finished on its own in the meantime.
        }
    }

    public void Dispose() => cancellation.Dispose();
}
