using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Transport.Errors;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>
/// Answers a batch (a JSON array of requests, GraphQL over HTTP's request batching appendix): runs the entries
/// concurrently and answers 200 with their responses in order. A malformed entry object gets an error response of its
/// own; only a batch that is not an array of objects is refused as a whole.
/// </summary>
internal sealed class BatchResponder(GraphQLHttpOptions options, ILogger logger)
{
    public async Task RespondAsync(HttpContext httpContext, JsonElement batch, AcceptedMediaTypes accepted)
    {
        if (Validate(batch, accepted) is { } problem)
        {
            await TransportProblemWriter.WriteAsync(httpContext, problem, accepted.ErrorMediaType);
            return;
        }

        var cancellationToken = httpContext.RequestAborted;
        var entries = batch.EnumerateArray().ToArray();
        // Contexts are built here, one at a time, because HttpContext is not safe to read from several threads.
        var operations = entries.Select(_ => TransportOperationContext.Isolated(httpContext, options)).ToArray();
        try
        {
            var responses = await Task.WhenAll(entries.Select((entry, index) =>
                Task.Run(() => RespondToEntryAsync(entry, operations[index], cancellationToken), cancellationToken)));

            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = AcceptedMediaTypes.ToMediaType(accepted.PreferredJson!.Value) + GraphQLMediaTypes.Utf8Suffix;
            await using (var writer = new Utf8JsonWriter(response.BodyWriter, TransportJson.WriterOptions))
            {
                writer.WriteStartArray();
                foreach (var entryResponse in responses)
                {
                    writer.WriteRawValue(entryResponse.Span, skipInputValidation: true);
                }

                writer.WriteEndArray();
            }

            await response.BodyWriter.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client left.
        }
        finally
        {
            foreach (var operation in operations)
            {
                await operation.DisposeAsync();
            }
        }
    }

    private TransportProblem? Validate(JsonElement batch, AcceptedMediaTypes accepted)
    {
        if (!options.EnableBatching)
        {
            return TransportProblem.BadRequest(
                "Batching (a JSON array of requests) is not enabled on this endpoint; send one request object per POST.");
        }

        var count = batch.GetArrayLength();
        if (count == 0)
        {
            return TransportProblem.BadRequest("The batch is empty; send an array of one or more request objects.");
        }

        if (count > options.MaxBatchSize)
        {
            return TransportProblem.BadRequest($"The batch holds {count} requests; this endpoint takes at most {options.MaxBatchSize} in one batch.");
        }

        var index = 0;
        foreach (var entry in batch.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return TransportProblem.BadRequest($"Entry {index} of the batch is not a JSON object; a batch is an array of request objects.");
            }

            index++;
        }

        return accepted.PreferredJson is null
            ? TransportProblem.NotAcceptable("A batch is answered with a JSON array: accept application/graphql-response+json or application/json.")
            : null;
    }

    private async Task<ReadOnlyMemory<byte>> RespondToEntryAsync(JsonElement entry, TransportOperationContext operation, CancellationToken cancellationToken)
    {
        if (!GraphQLRequestJsonReader.TryRead(entry, out var request, out var problem))
        {
            return ResponseBuffers.Errors([TransportProblem.BadRequest(problem).ToError()]);
        }

        try
        {
            var prepared = await operation.Executor.PrepareAsync(request, operation.RequestContext, cancellationToken);
            if (!prepared.IsExecutable)
            {
                return ResponseBuffers.RequestErrors(operation.Executor, prepared.RequestErrors);
            }

            if (prepared.IsSubscription)
            {
                var refusal = TransportProblem.StreamingTransportRequired(
                    "A subscription cannot be part of a batch. " + SingleRequestResponder.SubscriptionNeedsStreamMessage(options));
                return ResponseBuffers.Errors([refusal.ToError()]);
            }

            return await ResponseBuffers.ExecuteAsync(operation.Executor, prepared, operation.RequestContext, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var correlationId = InternalServerError.NewCorrelationId();
            TransportLog.RequestFailed(logger, correlationId, exception);
            return ResponseBuffers.Errors([InternalServerError.Create(correlationId)]);
        }
    }
}
