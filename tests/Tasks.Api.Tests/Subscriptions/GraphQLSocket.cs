using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Subscriptions;

/// <summary>
/// A graphql-transport-ws client over the test server. A background loop reads every message into a queue, so each
/// receive can time out without breaking the socket; server pings are answered and never surface.
/// </summary>
public sealed class GraphQLSocket : IAsyncDisposable
{
    /// <summary>How long any receive waits before the test fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly WebSocket socket;
    private readonly Channel<JsonElement> messages = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly Task reading;

    private GraphQLSocket(WebSocket socket)
    {
        this.socket = socket;
        reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>The close status the server sent, once the socket is closed.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    /// <summary>Opens a socket to /graphql with the graphql-transport-ws subprotocol.</summary>
    public static async Task<GraphQLSocket> ConnectAsync(ApiHost api, Action<HttpRequest>? configureRequest = null)
    {
        var client = api.Factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        if (configureRequest is not null)
        {
            client.ConfigureRequest = configureRequest;
        }

        using var timeout = new CancellationTokenSource(Timeout);
        var socket = await client.ConnectAsync(new Uri("ws://localhost/graphql"), timeout.Token);
        Assert.Equal("graphql-transport-ws", socket.SubProtocol);
        return new GraphQLSocket(socket);
    }

    /// <summary>Opens a socket, sends connection_init with the token and expects connection_ack.</summary>
    public static async Task<GraphQLSocket> ConnectAndInitAsync(ApiHost api, string token)
    {
        var socket = await ConnectAsync(api);
        await socket.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token } });
        var ack = await socket.ReceiveAsync();
        Assert.Equal("connection_ack", Type(ack));
        return socket;
    }

    /// <summary>Sends one message, serialized as JSON text.</summary>
    public async Task SendAsync(object message)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        using var timeout = new CancellationTokenSource(Timeout);
        await sendGate.WaitAsync(timeout.Token);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>Starts an operation.</summary>
    public Task SubscribeAsync(string id, string query, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } });

    /// <summary>The next message; fails the test after <see cref="Timeout"/>, or when the socket closed instead.</summary>
    public async Task<JsonElement> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Timeout);
        try
        {
            return await messages.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No message within {(timeout ?? Timeout).TotalSeconds} s.");
            throw;
        }
        catch (ChannelClosedException)
        {
            Assert.Fail($"The socket closed ({socket.CloseStatus} {socket.CloseStatusDescription}) instead of sending a message.");
            throw;
        }
    }

    /// <summary>The payload of the next message, which must be <c>next</c> for <paramref name="id"/>.</summary>
    public async Task<JsonElement> NextAsync(string id)
    {
        var message = await ReceiveAsync();
        Assert.True(Type(message) == "next" && message.GetProperty("id").GetString() == id, "expected next for " + id + ", got " + message);
        return message.GetProperty("payload");
    }

    /// <summary>Whether a message arrives within <paramref name="wait"/> (null when none).</summary>
    public async Task<JsonElement?> TryReceiveAsync(TimeSpan wait)
    {
        using var cancel = new CancellationTokenSource(wait);
        try
        {
            return await messages.Reader.ReadAsync(cancel.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Waits until the server closes the socket and returns its close status.</summary>
    public async Task<WebSocketCloseStatus?> ClosedAsync()
    {
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            while (await messages.Reader.WaitToReadAsync(cancel.Token))
            {
                var unexpected = await messages.Reader.ReadAsync(cancel.Token);
                Assert.Fail("expected the socket to close, got " + unexpected);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The socket did not close within {Timeout.TotalSeconds} s.");
        }

        return socket.CloseStatus;
    }

    /// <summary>The <c>type</c> of a protocol message.</summary>
    public static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The server is gone or closed first.
        }

        await stop.CancelAsync();
        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The read loop is stuck on a dead socket; disposing it ends the loop.
        }

        socket.Dispose();
        stop.Dispose();
        sendGate.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                message.SetLength(0);
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, stop.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage);

                using var document = JsonDocument.Parse(message.ToArray());
                var root = document.RootElement.Clone();
                if (Type(root) == "ping")
                {
                    await SendAsync(new { type = "pong" });
                    continue;
                }

                await messages.Writer.WriteAsync(root);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The socket ended.
        }
        finally
        {
            messages.Writer.TryComplete();
        }
    }
}
