using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport.Errors;
using Tasks.GraphQL.Transport.ServerSentEvents;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>
/// Answers one well-formed GraphQL request over HTTP: prepares it, refuses what the method or media type cannot
/// carry, then writes a JSON response (straight onto the response body) or a Server-Sent Event stream.
/// </summary>
internal sealed class SingleRequestResponder(GraphQLHttpOptions options, ILogger logger, CancellationToken serverStopping)
{
    public async Task RespondAsync(HttpContext httpContext, GraphQLRequest request, AcceptedMediaTypes accepted, bool viaGet)
    {
        var cancellationToken = httpContext.RequestAborted;
        TransportOperationContext operation;
        PreparedRequest prepared;
        try
        {
            operation = TransportOperationContext.ForRequest(httpContext, options);
            prepared = await operation.Executor.PrepareAsync(request, operation.RequestContext, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            await FailAsync(httpContext, exception, accepted.ErrorMediaType, bytesCommitted: 0);
            return;
        }

        var streamed = accepted.Preferred == ResponseMediaType.EventStream;
        if (prepared.IsExecutable)
        {
            if (viaGet && prepared.IsMutation)
            {
                var problem = TransportProblem.MethodNotAllowed(
                    "Mutations cannot be sent over GET, which must stay safe to repeat; send the request as a POST.", "POST");
                await TransportProblemWriter.WriteAsync(httpContext, problem, accepted.ErrorMediaType);
                return;
            }

            if (prepared.IsSubscription && !streamed)
            {
                if (!accepted.AcceptsEventStream)
                {
                    var problem = TransportProblem.StreamingTransportRequired(SubscriptionNeedsStreamMessage(options));
                    await TransportProblemWriter.WriteAsync(httpContext, problem, accepted.ErrorMediaType);
                    return;
                }

                streamed = true;
            }
        }

        if (streamed)
        {
            await StreamAsync(httpContext, operation, prepared);
        }
        else
        {
            await WriteJsonAsync(httpContext, operation, prepared, accepted.PreferredJson ?? ResponseMediaType.Json);
        }
    }

    internal static string SubscriptionNeedsStreamMessage(GraphQLHttpOptions options) =>
        (options.EnableServerSentEvents, options.EnableWebSockets) switch
        {
            (true, true) => "A subscription streams its results: send it with 'Accept: text/event-stream', or over a WebSocket (graphql-transport-ws).",
            (true, false) => "A subscription streams its results: send it with 'Accept: text/event-stream'.",
            (false, true) => "A subscription streams its results: send it over a WebSocket (graphql-transport-ws).",
            _ => "This endpoint does not serve subscriptions.",
        };

    private async Task WriteJsonAsync(HttpContext httpContext, TransportOperationContext operation, PreparedRequest prepared, ResponseMediaType jsonType)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        var mediaType = AcceptedMediaTypes.ToMediaType(jsonType);

        // With application/json every well-formed request gets 200; application/graphql-response+json reserves 2xx
        // for responses with data, and a request that failed to prepare has none.
        response.StatusCode = !prepared.IsExecutable && jsonType == ResponseMediaType.GraphQLResponseJson
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;

        var writer = new Utf8JsonWriter(response.BodyWriter, TransportJson.WriterOptions);
        try
        {
            if (prepared.IsExecutable)
            {
                await operation.Executor.ExecuteAsync(prepared, operation.RequestContext, writer, cancellationToken);
            }
            else
            {
                operation.Executor.WriteRequestErrors(prepared.RequestErrors, writer);
            }

            await writer.FlushAsync(cancellationToken);
            await response.BodyWriter.FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            writer.Reset();
        }
        catch (Exception exception)
        {
            var bytesCommitted = writer.BytesCommitted;
            // Drops what the writer still holds uncommitted, so none of a half-written response reaches the client.
            writer.Reset();
            await FailAsync(httpContext, exception, mediaType, bytesCommitted);
        }
        finally
        {
            await writer.DisposeAsync();
        }
    }

    private async Task StreamAsync(HttpContext httpContext, TransportOperationContext operation, PreparedRequest prepared)
    {
        // A stream ends when the client leaves or the server stops; a subscription would otherwise hold shutdown
        // up until the host's timeout. Either way it ends without 'complete', so clients know to reconnect.
        using var streamEnding = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted, serverStopping);
        var cancellationToken = streamEnding.Token;
        var executor = operation.Executor;
        try
        {
            var keepAlive = options.KeepAliveEnabled ? options.KeepAliveInterval : (TimeSpan?)null;
            await using var stream = await ServerSentEventStream.StartAsync(httpContext, keepAlive);
            try
            {
                // GraphQL over SSE reports request errors inside the accepted stream: a 400 would make EventSource
                // fail the connection without showing the client why.
                if (!prepared.IsExecutable)
                {
                    await stream.WriteNextAsync(ResponseBuffers.RequestErrors(executor, prepared.RequestErrors), cancellationToken);
                }
                else if (prepared.IsSubscription)
                {
                    var results = executor.SubscribeAsync(prepared, operation.RequestContext, cancellationToken);
                    await foreach (var result in results.WithCancellation(cancellationToken))
                    {
                        await stream.WriteNextAsync(result, cancellationToken);
                    }
                }
                else
                {
                    var result = await ResponseBuffers.ExecuteAsync(executor, prepared, operation.RequestContext, cancellationToken);
                    await stream.WriteNextAsync(result, cancellationToken);
                }

                await stream.WriteCompleteAsync(cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                var correlationId = InternalServerError.NewCorrelationId();
                TransportLog.RequestFailed(logger, correlationId, exception);
                await stream.WriteNextAsync(ResponseBuffers.Errors([InternalServerError.Create(correlationId)]), cancellationToken);
                await stream.WriteCompleteAsync(cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client left or the server is stopping: the subscription is over.
        }
    }

    private async Task FailAsync(HttpContext httpContext, Exception exception, string mediaType, long bytesCommitted)
    {
        var correlationId = InternalServerError.NewCorrelationId();
        if (httpContext.Response.HasStarted || bytesCommitted > 0)
        {
            // Part of a 200 is on its way; ending the connection abruptly is the only way left to say it is broken.
            TransportLog.ResponseAborted(logger, correlationId, exception);
            httpContext.Abort();
            return;
        }

        TransportLog.RequestFailed(logger, correlationId, exception);
        httpContext.Response.Clear();
        await TransportProblemWriter.WriteErrorsAsync(
            httpContext, StatusCodes.Status500InternalServerError, [InternalServerError.Create(correlationId)], mediaType);
    }
}
