using Tasks.Api.Authentication;
using Tasks.Api.Execution;
using Tasks.Api.Functions;
using Tasks.Api.Messages;
using Tasks.Api.Samples;
using Tasks.Api.Schedules;
using Tasks.Api.Schema;
using Tasks.Api.Subscriptions;
using Tasks.Api.Tasks;
using Tasks.Dispatcher.Hosting;
using Tasks.EventStore.Subscriptions;
using Tasks.GraphQL.Execution;
using Tasks.Projections.Daemon;
using Tasks.Projections.Hosting;
using Tasks.Projections.Logs;
using Tasks.Projections.Queries;

namespace Tasks.Api.Hosting;

/// <summary>Composes the service: the database, the event store, the schema, notifications, the projection daemon and the API.</summary>
public static class ServiceRegistration
{
    /// <summary>Registers everything the service runs.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL connection string is configured, or no token issuer.</exception>
    public static IServiceCollection AddTaskService(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // The store and the schema first: hosted services start in registration order, and the others need them.
        services.AddTaskStore(configuration);
        services.AddSingleton<ILogHandler, TaskActivityProjection>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());

        services.AddTaskAuthentication(configuration, environment);
        var dispatcher = services.AddTaskDispatcher(configuration, (sp, runtime) => FunctionInvokers.Create(sp, configuration, runtime));
        // executeFunction runs through the dispatchers: this process's, or standalone workers' when configuration says
        // they run (Api:ExecuteFunctionThroughWorkers), since then no dispatcher in this process has to.
        services.AddTaskApi(configuration, dispatcher.IsEnabled || configuration.GetValue("Api:ExecuteFunctionThroughWorkers", false));
        services.AddTaskMessaging(configuration);
        if (configuration.GetValue("Samples:Register", false))
        {
            services.AddHostedService<SampleFunctions>();
        }

        return services;
    }

    private static void AddTaskApi(this IServiceCollection services, IConfiguration configuration, bool dispatches)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReadModelQueryExecutor>();
        services.AddSingleton<TaskReader>();
        services.AddSingleton<TaskHistory>();
        services.AddSingleton<TaskCreationBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskCreationBatcher>());
        services.AddSingleton<TaskMutations>();
        services.AddSingleton<TaskLogStore>();
        services.AddSingleton<FunctionReader>();
        services.AddSingleton<FunctionCatalog>();
        services.AddSingleton<FunctionHistory>();
        services.AddSingleton<FunctionMutations>();
        services.AddSingleton<ScheduleReader>();
        services.AddSingleton<ScheduleMutations>();
        // Without a dispatcher to run it, direct execution is refused as UNAVAILABLE.
        if (dispatches)
        {
            services.AddSingleton<IFunctionExecutor, DispatchingFunctionExecutor>();
        }
        else
        {
            services.AddSingleton<IFunctionExecutor, UnavailableFunctionExecutor>();
        }

        services.AddSingleton<FunctionExecution>();
        services.AddSingleton<TaskEventFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<TaskEventFeed>());

        var options = new ExecutionOptions
        {
            // executeFunction may wait up to 30 s for a function; the operation must outlive it.
            ExecutionTimeout = TimeSpan.FromSeconds(40),
            EnableIntrospection = configuration.GetValue("GraphQL:EnableIntrospection", true),
        };
        services.AddSingleton(sp => TaskApiSchema.Build(sp));
        services.AddSingleton<IRequestExecutor>(sp => new RequestExecutor(
            sp.GetRequiredService<GraphQL.TypeSystem.Schema>(), options, sp.GetService<ILoggerFactory>()?.CreateLogger<RequestExecutor>()));
    }
}
