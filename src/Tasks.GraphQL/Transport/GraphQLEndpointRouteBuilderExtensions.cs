using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport.Http;

namespace Tasks.GraphQL.Transport;

/// <summary>Maps a GraphQL endpoint onto ASP.NET Core routing.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the <see cref="IRequestExecutor"/> registered in DI at <paramref name="pattern"/>: GraphQL over HTTP
    /// (POST and GET), Server-Sent Events and <c>graphql-transport-ws</c> WebSockets (the host calls
    /// <c>UseWebSockets()</c> for those), as <paramref name="configure"/> allows.
    /// </summary>
    /// <param name="endpoints">The route builder, usually the <c>WebApplication</c>.</param>
    /// <param name="pattern">The route pattern; <c>/graphql</c> by default.</param>
    /// <param name="configure">Adjusts the <see cref="GraphQLHttpOptions"/>.</param>
    /// <returns>The endpoint's convention builder, for authorization, CORS, rate limiting and the like.</returns>
    public static IEndpointConventionBuilder MapGraphQL(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern = "/graphql",
        Action<GraphQLHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);

        var options = new GraphQLHttpOptions();
        configure?.Invoke(options);
        options.Validate();

        var services = endpoints.ServiceProvider;
        // Fail at startup rather than on the first request when the engine was never registered.
        if (services.GetService<IServiceProviderIsService>() is { } registry && !registry.IsService(typeof(IRequestExecutor)))
        {
            throw new InvalidOperationException($"MapGraphQL needs an {nameof(IRequestExecutor)} registered in the service collection.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Tasks.GraphQL.Transport");
        var serverStopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var endpoint = new GraphQLHttpEndpoint(options, logger, serverStopping);
        return endpoints.Map(pattern, endpoint.HandleAsync).WithDisplayName($"GraphQL {pattern}");
    }
}
