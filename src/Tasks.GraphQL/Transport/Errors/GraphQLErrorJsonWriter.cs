using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Execution.Results;

namespace Tasks.GraphQL.Transport.Errors;

/// <summary>
/// Writes <see cref="GraphQLError"/>s for the transports: the WebSocket <c>error</c> message (a bare array)
/// and transport-level errors, with the engine's own error writer so both speak exactly the same format.
/// </summary>
internal static class GraphQLErrorJsonWriter
{
    /// <summary>Writes <c>{"errors":[...]}</c>.</summary>
    public static void WriteResponse(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors"u8);
        ErrorJsonWriter.WriteErrors(writer, errors);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>[{"message":...}, ...]</c>.</summary>
    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors) => ErrorJsonWriter.WriteErrors(writer, errors);
}
