using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport.Errors;

namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>A <c>graphql-transport-ws</c> message from the server, written as JSON only when its turn to be sent comes.</summary>
internal readonly record struct ServerMessage(string Type, string? Id = null)
{
    private ReadOnlyMemory<byte> ResponsePayload { get; init; }

    private IReadOnlyList<GraphQLError>? ErrorsPayload { get; init; }

    private JsonElement? ObjectPayload { get; init; }

    public static ServerMessage ConnectionAck { get; } = new("connection_ack");

    public static ServerMessage Ping { get; } = new("ping");

    /// <summary>Answers a ping, echoing its payload as the protocol allows.</summary>
    public static ServerMessage Pong(JsonElement? payload) => new("pong") { ObjectPayload = payload };

    /// <summary>One GraphQL response, already serialized by the executor.</summary>
    public static ServerMessage Next(string id, ReadOnlyMemory<byte> response) => new("next", id) { ResponsePayload = response };

    /// <summary>Errors that end the operation: the payload is the bare array of GraphQL errors.</summary>
    public static ServerMessage Error(string id, IReadOnlyList<GraphQLError> errors) => new("error", id) { ErrorsPayload = errors };

    public static ServerMessage Complete(string id) => new("complete", id);

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Id is not null)
        {
            writer.WriteString("id"u8, Id);
        }

        writer.WriteString("type"u8, Type);
        if (ErrorsPayload is { } errors)
        {
            writer.WritePropertyName("payload"u8);
            GraphQLErrorJsonWriter.WriteErrors(writer, errors);
        }
        else if (ObjectPayload is { } payload)
        {
            writer.WritePropertyName("payload"u8);
            payload.WriteTo(writer);
        }
        else if (!ResponsePayload.IsEmpty)
        {
            writer.WritePropertyName("payload"u8);
            // The executor's output is trusted JSON; validating it again would only cost time.
            writer.WriteRawValue(ResponsePayload.Span, skipInputValidation: true);
        }

        writer.WriteEndObject();
    }
}
