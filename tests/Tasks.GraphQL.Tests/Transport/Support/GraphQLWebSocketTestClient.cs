using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Tasks.GraphQL.Tests.Transport.Support;

/// <summary>A bare <c>graphql-transport-ws</c> client: it sends exactly what a test says and reports exactly what arrives.</summary>
internal sealed class GraphQLWebSocketTestClient : IAsyncDisposable
{
    public const string Protocol = "graphql-transport-ws";
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private GraphQLWebSocketTestClient(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }

    public static async Task<GraphQLWebSocketTestClient> ConnectAsync(TestServer server, params string[] subProtocols)
    {
        var client = server.CreateWebSocketClient();
        foreach (var subProtocol in subProtocols)
        {
            client.SubProtocols.Add(subProtocol);
        }

        using var timeout = new CancellationTokenSource(DefaultTimeout);
        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), timeout.Token);
        return new GraphQLWebSocketTestClient(socket);
    }

    /// <summary>Connects with <c>graphql-transport-ws</c> and completes the connection_init / connection_ack exchange.</summary>
    public static async Task<GraphQLWebSocketTestClient> ConnectAndInitialiseAsync(TestServer server)
    {
        var client = await ConnectAsync(server, Protocol);
        await client.SendAsync("""{"type":"connection_init"}""");
        var ack = await client.ReceiveAsync();
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
        return client;
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] message, WebSocketMessageType messageType)
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        await Socket.SendAsync(message, messageType, endOfMessage: true, timeout.Token);
    }

    public Task SubscribeAsync(string id, string query) =>
        SendAsync(JsonSerializer.Serialize(new { id, type = "subscribe", payload = new { query } }));

    /// <summary>The next message; fails the test if the socket closes instead.</summary>
    public async Task<JsonElement> ReceiveAsync()
    {
        var (message, closeStatus, closeDescription) = await ReceiveAnyAsync();
        return message ?? throw new InvalidOperationException($"The server closed the socket with {(int?)closeStatus}: {closeDescription}");
    }

    /// <summary>Reads until the server's close frame, skipping any messages before it, and answers the close.</summary>
    public async Task<(int? Code, string? Reason)> ReceiveCloseAsync()
    {
        while (true)
        {
            var (message, closeStatus, closeDescription) = await ReceiveAnyAsync();
            if (message is null)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                }

                return ((int?)closeStatus, closeDescription);
            }
        }
    }

    /// <summary>Reads messages until one of <paramref name="type"/>, returning it and the ones before it.</summary>
    public async Task<(JsonElement Found, List<JsonElement> Before)> ReceiveUntilAsync(string type)
    {
        var before = new List<JsonElement>();
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("type").GetString() == type)
            {
                return (message, before);
            }

            before.Add(message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(DefaultTimeout);
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The test is over; a server that went away already is fine.
            }
        }

        Socket.Dispose();
    }

    private async Task<(JsonElement? Message, WebSocketCloseStatus? CloseStatus, string? CloseDescription)> ReceiveAnyAsync()
    {
        using var timeout = new CancellationTokenSource(DefaultTimeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (null, result.CloseStatus, result.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        using var document = JsonDocument.Parse(message.ToArray());
        return (document.RootElement.Clone(), null, null);
    }
}
