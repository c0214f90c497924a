using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution;

/// <summary>Registers the engine for the transports (<c>MapGraphQL</c> takes the <see cref="IRequestExecutor"/> from DI).</summary>
public static class ExecutionServiceCollectionExtensions
{
    /// <summary>Registers one <see cref="RequestExecutor"/> for <paramref name="schema"/> as the application's <see cref="IRequestExecutor"/>.</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="schema">The schema, built once.</param>
    /// <param name="options">Limits and switches; <see cref="ExecutionOptions.Default"/> when null.</param>
    public static IServiceCollection AddGraphQLExecutor(this IServiceCollection services, Schema schema, ExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return services.AddSingleton<IRequestExecutor>(provider =>
            new RequestExecutor(schema, options, provider.GetService<ILoggerFactory>()?.CreateLogger<RequestExecutor>()));
    }
}
