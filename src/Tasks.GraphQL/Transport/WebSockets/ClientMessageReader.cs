using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>
/// Reads and checks a client message against the <c>graphql-transport-ws</c> message shapes; anything else is an
/// invalid message, which closes the socket with 4400 and the returned reason.
/// </summary>
internal static class ClientMessageReader
{
    public static bool TryRead(ReadOnlyMemory<byte> utf8Json, [NotNullWhen(true)] out ClientMessage? message, [NotNullWhen(false)] out string? problem)
    {
        message = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, TransportJson.DocumentOptions);
        }
        catch (JsonException)
        {
            problem = "Invalid message received: not JSON";
            return false;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "Invalid message received: not a JSON object";
        }
        else if (!root.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            problem = "Invalid message received: 'type' must be a string";
        }
        else
        {
            problem = null;
            message = type.GetString() switch
            {
                "connection_init" => WithPayload(document, ClientMessageType.ConnectionInit, ref problem),
                "ping" => WithPayload(document, ClientMessageType.Ping, ref problem),
                "pong" => WithPayload(document, ClientMessageType.Pong, ref problem),
                "subscribe" => Subscribe(document, ref problem),
                "complete" => Complete(document, ref problem),
                "connection_ack" or "next" or "error" => Refuse($"Invalid message received: '{type.GetString()}' is a server message", ref problem),
                var unknown => Refuse($"Invalid message received: unknown type '{unknown}'", ref problem),
            };
        }

        if (message is null)
        {
            document.Dispose();
            problem ??= "Invalid message received";
            return false;
        }

        return true;
    }

    private static ClientMessage? WithPayload(JsonDocument document, ClientMessageType type, ref string? problem)
    {
        if (!TryGetOptionalObject(document.RootElement, out var payload))
        {
            return Refuse($"Invalid message received: the '{TypeName(type)}' payload must be an object", ref problem);
        }

        return new ClientMessage(document, type) { Payload = payload };
    }

    private static ClientMessage? Subscribe(JsonDocument document, ref string? problem)
    {
        var root = document.RootElement;
        if (!TryGetId(root, out var id))
        {
            return Refuse("Invalid message received: 'subscribe' needs a non-empty string 'id'", ref problem);
        }

        if (!root.TryGetProperty("payload"u8, out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            return Refuse("Invalid message received: the 'subscribe' payload must be an object", ref problem);
        }

        // Detached from the message's document: variables and extensions live as long as the operation.
        if (!GraphQLRequestJsonReader.TryRead(payload.Clone(), out var request, out var malformed))
        {
            return Refuse("Invalid message received: " + malformed, ref problem);
        }

        return new ClientMessage(document, ClientMessageType.Subscribe) { Id = id, Request = request };
    }

    private static ClientMessage? Complete(JsonDocument document, ref string? problem) =>
        TryGetId(document.RootElement, out var id)
            ? new ClientMessage(document, ClientMessageType.Complete) { Id = id }
            : Refuse("Invalid message received: 'complete' needs a non-empty string 'id'", ref problem);

    private static ClientMessage? Refuse(string reason, ref string? problem)
    {
        problem = reason;
        return null;
    }

    private static bool TryGetId(JsonElement message, [NotNullWhen(true)] out string? id)
    {
        id = message.TryGetProperty("id"u8, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return !string.IsNullOrEmpty(id);
    }

    private static bool TryGetOptionalObject(JsonElement message, out JsonElement? payload)
    {
        payload = null;
        if (!message.TryGetProperty("payload"u8, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        payload = value;
        return value.ValueKind == JsonValueKind.Object;
    }

    private static string TypeName(ClientMessageType type) => type switch
    {
        ClientMessageType.ConnectionInit => "connection_init",
        ClientMessageType.Ping => "ping",
        _ => "pong",
    };
}
