using System.Text.Json;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>The <c>graphql-transport-ws</c> messages a client may send.</summary>
internal enum ClientMessageType
{
    ConnectionInit,
    Ping,
    Pong,
    Subscribe,
    Complete,
}

/// <summary>
/// One message from the client, valid while its document lives: <see cref="Payload"/> points into it, while
/// <see cref="Request"/> is detached, because the operation it starts outlives the message.
/// </summary>
internal sealed class ClientMessage(JsonDocument document, ClientMessageType type) : IDisposable
{
    public ClientMessageType Type { get; } = type;

    /// <summary>The operation id of <c>subscribe</c> and <c>complete</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The payload of <c>connection_init</c>, <c>ping</c> and <c>pong</c>; null when absent or null.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>The request a <c>subscribe</c> carries.</summary>
    public GraphQLRequest? Request { get; init; }

    public void Dispose() => document.Dispose();
}
