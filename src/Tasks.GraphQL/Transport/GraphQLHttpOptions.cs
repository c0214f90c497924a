using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport;

/// <summary>
/// How <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/> serves one GraphQL endpoint over HTTP
/// (GraphQL over HTTP), Server-Sent Events (distinct connections mode) and WebSockets (<c>graphql-transport-ws</c>).
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The default for <see cref="MaxRequestBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxRequestBytes = 1024 * 1024;

    /// <summary>
    /// Accept a JSON array of requests in one POST and answer with an array of responses, in order.
    /// Off by default: a batch multiplies the work one HTTP request can ask for.
    /// </summary>
    public bool EnableBatching { get; set; }

    /// <summary>The most requests one batch may hold; a larger batch is refused with 400.</summary>
    public int MaxBatchSize { get; set; } = 16;

    /// <summary>
    /// The largest POST body, and the largest WebSocket message, in bytes. A larger body is refused with
    /// 413 Payload Too Large; a larger WebSocket message closes the socket with 1009.
    /// </summary>
    public long MaxRequestBytes { get; set; } = DefaultMaxRequestBytes;

    /// <summary>Serve queries (never mutations) over GET, with the request in the query string.</summary>
    public bool EnableGetForQueries { get; set; } = true;

    /// <summary>Accept WebSocket connections speaking <c>graphql-transport-ws</c>. The host must call <c>UseWebSockets()</c>.</summary>
    public bool EnableWebSockets { get; set; } = true;

    /// <summary>Stream results as Server-Sent Events to clients that accept <c>text/event-stream</c>.</summary>
    public bool EnableServerSentEvents { get; set; } = true;

    /// <summary>How long a new WebSocket may take to send <c>connection_init</c> before it is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an otherwise idle connection gets a keep-alive: a <c>ping</c> message on WebSockets, a comment line on
    /// Server-Sent Events. <see cref="TimeSpan.Zero"/> or <see cref="Timeout.InfiniteTimeSpan"/> turns keep-alives off.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Builds what resolvers see of the caller from the HTTP request; by default <see cref="HttpContext.User"/> and
    /// <see cref="HttpContext.RequestServices"/>. Called once per operation. Operations that run concurrently within
    /// one HTTP request (batch entries, operations on one WebSocket) each get their own service scope: when the
    /// returned <see cref="RequestContext.Services"/> is the request's own <see cref="HttpContext.RequestServices"/>,
    /// the transport swaps in a fresh scope, because scoped services are rarely safe to share between threads.
    /// </summary>
    public Func<HttpContext, RequestContext> RequestContextFactory { get; set; } = CreateDefaultRequestContext;

    /// <summary>
    /// Serves an IDE page (for example GraphiQL) to a browser: called for a GET that accepts <c>text/html</c> and
    /// carries no <c>query</c> nor <c>documentId</c>. When null such a request gets 404 Not Found.
    /// </summary>
    public RequestDelegate? ServeIdePage { get; set; }

    /// <summary>
    /// Decides whether a WebSocket's <c>connection_init</c> is accepted, given its payload (null when absent or
    /// <c>null</c>) and the upgrade request; false closes the socket with 4403 Forbidden. The payload is only valid
    /// during the call (use <see cref="JsonElement.Clone"/> to keep it). A hook that authenticates from the payload
    /// can set <see cref="HttpContext.User"/> or <see cref="HttpContext.Items"/>, which
    /// <see cref="RequestContextFactory"/> then sees for every operation on the socket. Null accepts every connection.
    /// </summary>
    public Func<JsonElement?, HttpContext, ValueTask<bool>>? OnConnectAsync { get; set; }

    /// <summary>The default <see cref="RequestContextFactory"/>: the request's user and service scope.</summary>
    /// <param name="httpContext">The HTTP request (for WebSockets, the upgrade request).</param>
    /// <returns>The context handed to the executor.</returns>
    public static RequestContext CreateDefaultRequestContext(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return new RequestContext(httpContext.User, httpContext.RequestServices);
    }

    internal bool KeepAliveEnabled => KeepAliveInterval > TimeSpan.Zero && KeepAliveInterval != Timeout.InfiniteTimeSpan;

    internal void Validate()
    {
        if (MaxRequestBytes <= 0 || MaxRequestBytes > int.MaxValue)
        {
            throw new InvalidOperationException($"{nameof(MaxRequestBytes)} must be between 1 and {int.MaxValue}; it is {MaxRequestBytes}.");
        }

        if (MaxBatchSize <= 0)
        {
            throw new InvalidOperationException($"{nameof(MaxBatchSize)} must be positive; it is {MaxBatchSize}.");
        }

        if (ConnectionInitTimeout <= TimeSpan.Zero && ConnectionInitTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"{nameof(ConnectionInitTimeout)} must be positive (or infinite); it is {ConnectionInitTimeout}.");
        }

        if (KeepAliveInterval < TimeSpan.Zero && KeepAliveInterval != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"{nameof(KeepAliveInterval)} must not be negative; it is {KeepAliveInterval}.");
        }

        if (RequestContextFactory is null)
        {
            throw new InvalidOperationException($"{nameof(RequestContextFactory)} must be set.");
        }
    }
}
