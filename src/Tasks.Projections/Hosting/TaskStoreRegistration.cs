using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tasks.EventStore.Connections;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;

namespace Tasks.Projections.Hosting;

/// <summary>
/// The core every host composes (the API and the standalone worker): the database, the task event store, the command
/// runner, the schema and the notifications that carry commits between processes.
/// </summary>
public static class TaskStoreRegistration
{
    /// <summary>The connection string's name: configuration <c>ConnectionStrings:Postgres</c>.</summary>
    public const string ConnectionStringName = "Postgres";

    /// <summary>
    /// Registers the data source for <c>ConnectionStrings:Postgres</c>, the <see cref="LogSignal"/>, the task event store,
    /// the <see cref="CommandRunner"/>, <see cref="SchemaReadiness"/>, and two hosted services: schema migration and
    /// <see cref="LogNotifications"/>. Call it before adding other hosted services: hosted services start in registration
    /// order, and the others need the schema.
    /// </summary>
    /// <exception cref="InvalidOperationException">No PostgreSQL connection string is configured.</exception>
    public static IServiceCollection AddTaskStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set (environment variable ConnectionStrings__Postgres); `make run` and `make worker` set it to a local cluster.");
        }

        services.AddSingleton(_ => EventStoreDataSource.Create(connectionString));
        services.AddSingleton<LogSignal>();
        services.AddSingleton(sp => TaskEventStore.Create(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<LogSignal>()));
        services.AddSingleton(sp => new CommandRunner(sp.GetRequiredService<EventStore.EventStore>()));
        services.AddSingleton<SchemaReadiness>();

        // The schema first: hosted services start in registration order, and the others need it.
        services.AddHostedService<SchemaMigrationService>();
        // Other processes' commits wake this one's readers (and the dispatcher) through NOTIFY.
        services.AddHostedService<LogNotifications>();
        return services;
    }
}
