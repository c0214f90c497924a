using System.Text.Json;

namespace Tasks.GraphQL.Execution;

/// <summary>
/// The engine as transports see it. Preparing never executes anything, so a transport can refuse a
/// mutation over GET, or answer a request error with the right status, before any resolver runs.
/// </summary>
public interface IRequestExecutor
{
    /// <summary>Parses (or takes from the document cache), validates, selects the operation and coerces variables.</summary>
    ValueTask<PreparedRequest> PrepareAsync(GraphQLRequest request, RequestContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Executes a prepared query or mutation and writes the whole response object
    /// (<c>{"data":...,"errors":[...],"extensions":...}</c>) to <paramref name="writer"/>.
    /// </summary>
    ValueTask ExecuteAsync(PreparedRequest request, RequestContext context, Utf8JsonWriter writer, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a prepared subscription: one response object per source event, each as UTF-8 JSON. Ends when the
    /// source stream ends or <paramref name="cancellationToken"/> fires.
    /// </summary>
    IAsyncEnumerable<ReadOnlyMemory<byte>> SubscribeAsync(PreparedRequest request, RequestContext context, CancellationToken cancellationToken);

    /// <summary>Writes a response holding only request errors (no <c>data</c> entry).</summary>
    void WriteRequestErrors(IReadOnlyList<GraphQLError> errors, Utf8JsonWriter writer);
}
