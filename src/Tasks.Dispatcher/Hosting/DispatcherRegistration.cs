using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Dispatcher.Deployment;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Dispatcher.Leases;
using Tasks.Dispatcher.Queue;
using Tasks.Dispatcher.Running;
using Tasks.Dispatcher.Schedules;
using Tasks.Projections.Code;
using Tasks.Projections.Logs;

namespace Tasks.Dispatcher.Hosting;

/// <summary>
/// Adds a dispatcher and its lease watchdog to a host, when configuration asks for one (<c>Dispatcher:Runtime</c>); for
/// <c>lambda</c>, also the deployment of functions with code (<see cref="LambdaDeploymentService"/>).
/// </summary>
public static class DispatcherRegistration
{
    /// <summary>How much longer than <see cref="DispatcherOptions.ShutdownGrace"/> a host waits for its services to stop.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Registers the dispatcher for <c>Dispatcher:Runtime</c> (<c>local</c> or <c>lambda</c>); does nothing for <c>none</c>
    /// (the default). The host must already provide the event store, its data source, the command runner and the log signal.
    /// </summary>
    /// <returns>The options read, so that the host can tell whether a dispatcher runs here.</returns>
    /// <exception cref="InvalidOperationException">The runtime is not one of local, lambda or none.</exception>
    public static DispatcherOptions AddTaskDispatcher(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string, IFunctionInvoker?> invokers) =>
        services.AddTaskDispatcher(DispatcherOptions.Read(configuration), configuration, invokers);

    /// <summary>
    /// Registers the dispatcher with <paramref name="options"/> as given; does nothing when its runtime is <c>none</c>.
    /// <paramref name="configuration"/> holds the runtime's own settings (<c>Dispatcher:Lambda</c>). The host must
    /// already provide the event store, its data source, the command runner and the log signal.
    /// </summary>
    /// <returns><paramref name="options"/>.</returns>
    /// <exception cref="InvalidOperationException">The runtime is not one <paramref name="invokers"/> knows (when the dispatcher is first resolved).</exception>
    public static DispatcherOptions AddTaskDispatcher(this IServiceCollection services, DispatcherOptions options, IConfiguration configuration, Func<IServiceProvider, string, IFunctionInvoker?> invokers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(invokers);
        if (!options.IsEnabled)
        {
            return options;
        }

        services.AddSingleton(options);
        // Stopping gives in-flight tasks ShutdownGrace, then the completions still have to be committed: the host must
        // wait longer than the grace, or the services stopped after the dispatcher get a cancelled token.
        services.Configure<HostOptions>(host =>
        {
            var needed = options.ShutdownGrace + ShutdownMargin;
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FunctionCodeStore>();
        services.TryAddSingleton<TaskLogStore>();
        services.AddSingleton<FunctionDefinitions>();
        services.AddSingleton(new LeasePolicy(options.LeaseGrace, options.MaxLease));
        services.AddSingleton<DueTaskClaimer>();
        services.AddSingleton<CompletionBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CompletionBatcher>());
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton(sp => invokers(sp, options.Runtime.ToLowerInvariant())
            ?? throw new InvalidOperationException($"Dispatcher:Runtime '{options.Runtime}' is not known: use local, lambda or none."));
        services.AddSingleton<TaskDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskDispatcher>());
        services.AddSingleton<LeaseWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<LeaseWatchdog>());
        services.AddSingleton(sp => new ScheduleFiring(
            sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), sp.GetRequiredService<EventStore.Running.CommandRunner>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ScheduleFiring>>()));
        services.AddSingleton<ScheduleFiringService>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleFiringService>());
        if (string.Equals(options.Runtime, "lambda", StringComparison.OrdinalIgnoreCase))
        {
            AddLambdaDeployment(services, configuration);
        }

        return options;
    }

    // Functions with code are deployed to Lambda by one of the dispatcher processes (FunctionDeploymentFollower).
    private static void AddLambdaDeployment(IServiceCollection services, IConfiguration configuration)
    {
        var deployment = FunctionInvokers.LambdaDeployment(configuration);
        services.AddSingleton(sp =>
        {
            // Without an execution role nothing can be deployed; the follower records that per function instead of failing the start.
            var deployer = FunctionInvokers.LambdaDeployer(configuration) is { } deployerOptions
                ? new LambdaDeployer(new HttpClient { Timeout = FunctionInvokers.LambdaHttpTimeout }, FunctionInvokers.LambdaConnection(configuration), deployerOptions, sp.GetRequiredService<TimeProvider>())
                : null;
            return new FunctionDeploymentFollower(
                sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                sp.GetRequiredService<FunctionCodeStore>(),
                deployer,
                deployment,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<FunctionDeploymentFollower>>());
        });
        services.AddSingleton(sp => new LambdaDeploymentService(
            sp.GetRequiredService<EventStore.EventStore>(),
            sp.GetRequiredService<FunctionDeploymentFollower>(),
            deployment,
            sp.GetRequiredService<ILogger<LambdaDeploymentService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LambdaDeploymentService>());
    }
}
