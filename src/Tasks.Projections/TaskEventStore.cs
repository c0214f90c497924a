using Npgsql;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.Projections.Events;
using Tasks.Projections.Migrations;
using Tasks.Projections.ReadModels;

namespace Tasks.Projections;

/// <summary>The event store as the task service uses it: the domain's event types and inline read models.</summary>
public static class TaskEventStore
{
    /// <summary>The whole schema: the event store's, then the read models'.</summary>
    public static IReadOnlyList<Migration> Migrations => [.. MigrationSource.EventStore, .. ProjectionMigrations.All];

    /// <summary>A store over <paramref name="dataSource"/> that keeps every inline read model in step.</summary>
    public static EventStore.EventStore Create(NpgsqlDataSource dataSource, LogSignal signal) =>
        new(dataSource, DomainEventTypes.CreateRegistry(), [new TaskReadModelProjection(), new FunctionReadModelProjection(), new ScheduleReadModelProjection()], signal);
}
