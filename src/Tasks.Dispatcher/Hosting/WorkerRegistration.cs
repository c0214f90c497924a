using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Projections.Hosting;

namespace Tasks.Dispatcher.Hosting;

/// <summary>Composes the standalone worker: the shared store core and a dispatcher, and nothing of the API.</summary>
public static class WorkerRegistration
{
    /// <summary>The runtime a standalone worker uses when <c>Dispatcher:Runtime</c> is not set: production workers call Lambda.</summary>
    public const string DefaultRuntime = DispatcherOptions.LambdaRuntime;

    /// <summary>
    /// Registers the store core (<see cref="TaskStoreRegistration.AddTaskStore"/>: database, schema, notifications) and the
    /// dispatcher for <c>Dispatcher:Runtime</c>, <see cref="DefaultRuntime"/> when unset.
    /// </summary>
    /// <returns>The dispatcher options read, for the start-up log.</returns>
    /// <exception cref="InvalidOperationException">No connection string is configured, or the runtime is <c>none</c> or unknown.</exception>
    public static DispatcherOptions AddTaskWorker(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = DispatcherOptions.Read(configuration, DefaultRuntime);
        // A worker exists to run tasks: refuse at start rather than idle (none) or fail on the first task (a typo).
        var runtime = options.Runtime.Trim().ToLowerInvariant();
        if (runtime is not (DispatcherOptions.LocalRuntime or DispatcherOptions.LambdaRuntime))
        {
            throw new InvalidOperationException(
                $"Dispatcher:Runtime is '{options.Runtime}', but a standalone worker runs tasks: set it (environment variable Dispatcher__Runtime) to "
                + $"{DispatcherOptions.LambdaRuntime} (AWS Lambda, the default) or {DispatcherOptions.LocalRuntime} (node and python3 on this machine).");
        }

        options.Runtime = runtime;
        services.AddTaskStore(configuration);
        services.AddTaskDispatcher(options, configuration, (sp, name) => FunctionInvokers.Create(sp, configuration, name));
        return options;
    }
}
