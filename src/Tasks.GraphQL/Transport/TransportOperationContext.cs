using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport;

/// <summary>The executor and caller context one operation runs with, and the service scope it may own.</summary>
internal sealed class TransportOperationContext : IAsyncDisposable
{
    private readonly AsyncServiceScope? ownedScope;

    private TransportOperationContext(RequestContext requestContext, IRequestExecutor executor, AsyncServiceScope? ownedScope)
    {
        RequestContext = requestContext;
        Executor = executor;
        this.ownedScope = ownedScope;
    }

    public RequestContext RequestContext { get; }

    public IRequestExecutor Executor { get; }

    /// <summary>For the only operation of an HTTP request: it uses the request's own services.</summary>
    public static TransportOperationContext ForRequest(HttpContext httpContext, GraphQLHttpOptions options) => new(
        options.RequestContextFactory(httpContext),
        httpContext.RequestServices.GetRequiredService<IRequestExecutor>(),
        ownedScope: null);

    /// <summary>
    /// For an operation that runs concurrently with others of the same HTTP request (a batch entry, a WebSocket
    /// operation): unless the host's factory chose other services, it gets a scope of its own, so scoped services
    /// (a database connection, a unit of work) are never shared between threads.
    /// </summary>
    public static TransportOperationContext Isolated(HttpContext httpContext, GraphQLHttpOptions options)
    {
        var requestContext = options.RequestContextFactory(httpContext);
        if (!ReferenceEquals(requestContext.Services, httpContext.RequestServices))
        {
            return new(requestContext, httpContext.RequestServices.GetRequiredService<IRequestExecutor>(), ownedScope: null);
        }

        var scope = httpContext.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        return new(
            requestContext with { Services = scope.ServiceProvider },
            scope.ServiceProvider.GetRequiredService<IRequestExecutor>(),
            scope);
    }

    public ValueTask DisposeAsync() => ownedScope?.DisposeAsync() ?? ValueTask.CompletedTask;
}
