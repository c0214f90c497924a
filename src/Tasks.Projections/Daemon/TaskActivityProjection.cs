using Npgsql;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;

namespace Tasks.Projections.Daemon;

/// <summary>Counts task events per hour and type, asynchronously, from the log.</summary>
public sealed class TaskActivityProjection : ILogHandler
{
    /// <inheritdoc />
    public string Name => "task-activity";

    /// <inheritdoc />
    public Task HandleAsync(IReadOnlyList<RecordedEvent> events, UnitOfWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(work);
        var counts = events
            .Where(e => e.StreamType == DomainEventTypes.TaskStream)
            .GroupBy(e => (Hour: new DateTimeOffset(e.RecordedAt.UtcDateTime.Date.AddHours(e.RecordedAt.UtcDateTime.Hour), TimeSpan.Zero), e.Type))
            .ToArray();
        if (counts.Length == 0)
        {
            return Task.CompletedTask;
        }

        var upsert = new NpgsqlBatchCommand(
            """
            INSERT INTO task_activity (hour, event_type, events)
            SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::bigint[])
            ON CONFLICT (hour, event_type) DO UPDATE SET events = task_activity.events + excluded.events
            """);
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. counts.Select(c => c.Key.Hour)] });
        upsert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. counts.Select(c => c.Key.Type)] });
        upsert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. counts.Select(c => (long)c.Count())] });
        work.Execute(upsert);
        return Task.CompletedTask;
    }
}
