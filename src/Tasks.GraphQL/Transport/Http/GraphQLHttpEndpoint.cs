using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Tasks.GraphQL.Transport.Errors;
using Tasks.GraphQL.Transport.WebSockets;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>
/// The endpoint's request delegate: routes WebSocket upgrades, GET and POST, and refuses malformed HTTP requests
/// (415, 413, 406, 405, 400) before the engine sees them.
/// </summary>
internal sealed class GraphQLHttpEndpoint
{
    private readonly GraphQLHttpOptions options;
    private readonly ILogger logger;
    private readonly CancellationToken serverStopping;
    private readonly SingleRequestResponder singleRequests;
    private readonly BatchResponder batches;

    public GraphQLHttpEndpoint(GraphQLHttpOptions options, ILogger logger, CancellationToken serverStopping)
    {
        this.options = options;
        this.logger = logger;
        this.serverStopping = serverStopping;
        singleRequests = new SingleRequestResponder(options, logger, serverStopping);
        batches = new BatchResponder(options, logger);
    }

    public Task HandleAsync(HttpContext httpContext)
    {
        var method = httpContext.Request.Method;
        if (HttpMethods.IsPost(method))
        {
            return HandlePostAsync(httpContext);
        }

        if (HttpMethods.IsGet(method))
        {
            return httpContext.WebSockets.IsWebSocketRequest ? HandleWebSocketAsync(httpContext) : HandleGetAsync(httpContext);
        }

        var problem = TransportProblem.MethodNotAllowed(
            $"The GraphQL endpoint does not serve {method} requests; send a POST{(options.EnableGetForQueries ? ", or a GET for a query" : "")}.",
            options.EnableGetForQueries ? "GET, POST" : "POST");
        return TransportProblemWriter.WriteAsync(httpContext, problem, ErrorMediaType(httpContext));
    }

    private Task HandleWebSocketAsync(HttpContext httpContext)
    {
        if (!options.EnableWebSockets)
        {
            var problem = TransportProblem.BadRequest("WebSocket connections are not enabled on this endpoint.");
            return TransportProblemWriter.WriteAsync(httpContext, problem, ErrorMediaType(httpContext));
        }

        return GraphQLWebSocketSession.RunAsync(httpContext, options, logger, serverStopping);
    }

    private async Task HandleGetAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!QueryStringRequestReader.HasDocument(request.Query) && MediaTypeNegotiator.AcceptsHtml(request.Headers.Accept))
        {
            // A browser opened the endpoint: that is the IDE's business, if the host serves one.
            if (options.ServeIdePage is { } serveIdePage)
            {
                await serveIdePage(httpContext);
            }
            else
            {
                httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            }

            return;
        }

        if (!options.EnableGetForQueries)
        {
            var problem = TransportProblem.MethodNotAllowed("GET requests are not enabled on this endpoint; send the request as a POST.", "POST");
            await TransportProblemWriter.WriteAsync(httpContext, problem, ErrorMediaType(httpContext));
            return;
        }

        var accepted = Negotiate(httpContext);
        if (accepted.Preferred is null)
        {
            await RefuseAcceptAsync(httpContext);
            return;
        }

        if (!QueryStringRequestReader.TryRead(request.Query, out var graphQLRequest, out var malformed))
        {
            await TransportProblemWriter.WriteAsync(httpContext, TransportProblem.BadRequest(malformed), accepted.ErrorMediaType);
            return;
        }

        await singleRequests.RespondAsync(httpContext, graphQLRequest, accepted, viaGet: true);
    }

    private async Task HandlePostAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (ContentTypeProblem(request.ContentType) is { } unsupported)
        {
            await TransportProblemWriter.WriteAsync(httpContext, TransportProblem.UnsupportedMediaType(unsupported), ErrorMediaType(httpContext));
            return;
        }

        var accepted = Negotiate(httpContext);
        if (accepted.Preferred is null)
        {
            await RefuseAcceptAsync(httpContext);
            return;
        }

        using var body = await RequestBodyReader.ReadAsync(request, options.MaxRequestBytes, httpContext.RequestAborted);
        if (body is null)
        {
            await TransportProblemWriter.WriteAsync(httpContext, TransportProblem.PayloadTooLarge(options.MaxRequestBytes), accepted.ErrorMediaType);
            return;
        }

        if (!TryParseBody(body, out var document, out var unparsable))
        {
            await TransportProblemWriter.WriteAsync(httpContext, TransportProblem.BadRequest(unparsable), accepted.ErrorMediaType);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                await batches.RespondAsync(httpContext, root, accepted);
                return;
            }

            if (!GraphQLRequestJsonReader.TryRead(root, out var graphQLRequest, out var malformed))
            {
                var message = root.ValueKind == JsonValueKind.Object
                    ? malformed
                    : "The request body must be a JSON object holding the request, such as {\"query\":\"{ __typename }\"}"
                        + (options.EnableBatching ? ", or an array of such objects." : ".");
                await TransportProblemWriter.WriteAsync(httpContext, TransportProblem.BadRequest(message), accepted.ErrorMediaType);
                return;
            }

            await singleRequests.RespondAsync(httpContext, graphQLRequest, accepted, viaGet: false);
        }
    }

    private AcceptedMediaTypes Negotiate(HttpContext httpContext) =>
        MediaTypeNegotiator.Negotiate(httpContext.Request.Headers.Accept, options.EnableServerSentEvents);

    private string ErrorMediaType(HttpContext httpContext) => Negotiate(httpContext).ErrorMediaType;

    private Task RefuseAcceptAsync(HttpContext httpContext)
    {
        var served = options.EnableServerSentEvents
            ? "application/graphql-response+json, application/json or text/event-stream"
            : "application/graphql-response+json or application/json";
        var problem = TransportProblem.NotAcceptable($"The Accept header allows none of the media types this endpoint answers with: {served} (UTF-8).");
        return TransportProblemWriter.WriteAsync(httpContext, problem, GraphQLMediaTypes.Json);
    }

    /// <summary>Null when the body is JSON in UTF-8 (charset optional), otherwise why not.</summary>
    private static string? ContentTypeProblem(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "A POST needs a Content-Type header: send the request as application/json.";
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type '{contentType}' is not supported: send the request as application/json.";
        }

        return MediaTypeNegotiator.IsUtf8OrUnspecified(mediaType.Charset)
            ? null
            : $"Charset '{mediaType.Charset}' is not supported: send the request as application/json in UTF-8.";
    }

    private static bool TryParseBody(
        BufferedRequestBody body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out string? problem)
    {
        document = null;
        if (body.Length == 0)
        {
            problem = "The request body is empty; send a JSON object such as {\"query\":\"{ __typename }\"}.";
            return false;
        }

        try
        {
            document = JsonDocument.Parse(body.Content, TransportJson.DocumentOptions);
            problem = null;
            return true;
        }
        catch (JsonException exception)
        {
            problem = $"The request body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).";
            return false;
        }
    }
}
