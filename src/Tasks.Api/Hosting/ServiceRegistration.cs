using Npgsql;
using Tasks.EventStore.Connections;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.EventStore.Subscriptions;
using Tasks.Projections;
using Tasks.Projections.Daemon;

namespace Tasks.Api.Hosting;

/// <summary>Composes the service: the database, the event store, the schema, notifications and the projection daemon.</summary>
public static class ServiceRegistration
{
    /// <summary>Registers everything the service runs.</summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL connection string is configured.</exception>
    public static IServiceCollection AddTaskService(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("ConnectionStrings:Postgres is not set (environment variable ConnectionStrings__Postgres); `make run` sets it to a local cluster.");
        }

        services.AddSingleton(_ => EventStoreDataSource.Create(connectionString));
        services.AddSingleton<LogSignal>();
        services.AddSingleton(sp => TaskEventStore.Create(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LogSignal>()));
        services.AddSingleton(sp => new CommandRunner(sp.GetRequiredService<EventStore.EventStore>()));
        services.AddSingleton<SchemaReadiness>();

        // The schema first: hosted services start in registration order, and the others need it.
        services.AddHostedService<SchemaMigrationService>();
        services.AddHostedService<LogNotifications>();
        services.AddSingleton<ILogHandler, TaskActivityProjection>();
        services.AddSingleton<ProjectionDaemon>();
        services.AddHostedService(sp => sp.GetRequiredService<ProjectionDaemon>());
        return services;
    }
}
