using System.Buffers;
using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport.Errors;

namespace Tasks.GraphQL.Transport;

/// <summary>
/// Builds one GraphQL response in memory, for transports that must see it whole before sending: a Server-Sent
/// Event, a WebSocket message, a batch entry (each needs framing, or must be replaceable if execution fails).
/// </summary>
internal static class ResponseBuffers
{
    public static ReadOnlyMemory<byte> Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, TransportJson.WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenMemory;
    }

    public static ReadOnlyMemory<byte> Errors(IReadOnlyList<GraphQLError> errors) =>
        Write(writer => GraphQLErrorJsonWriter.WriteResponse(writer, errors));

    public static ReadOnlyMemory<byte> RequestErrors(IRequestExecutor executor, IReadOnlyList<GraphQLError> errors) =>
        Write(writer => executor.WriteRequestErrors(errors, writer));

    public static async ValueTask<ReadOnlyMemory<byte>> ExecuteAsync(
        IRequestExecutor executor, PreparedRequest prepared, RequestContext context, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer, TransportJson.WriterOptions))
        {
            await executor.ExecuteAsync(prepared, context, writer, cancellationToken);
        }

        return buffer.WrittenMemory;
    }
}
