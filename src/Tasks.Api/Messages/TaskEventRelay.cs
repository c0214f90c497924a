using Npgsql;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Subscriptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Publishing;

namespace Tasks.Api.Messages;

/// <summary>
/// Publishes task events to the <c>tasks.events</c> exchange as lifecycle messages (<see cref="TaskLifecycleMessages"/>),
/// for a <see cref="LogRelay"/> that follows the log: the whole batch in log order, returning only once the broker
/// confirmed every message, so the relay's checkpoint moves only past what the broker holds.
/// </summary>
public sealed class TaskEventRelay(ConfirmingPublisher publisher, NpgsqlDataSource dataSource, MessagingOptions options) : IEventPublisher
{
    /// <summary>The relay's checkpoint name.</summary>
    public const string Name = "task-events-relay";

    // Events other than the creation do not carry the task's function: the read model has it (it commits with the events).
    private const string FunctionNames = "SELECT id, function_name FROM tasks WHERE id = ANY($1)";

    /// <inheritdoc />
    public async Task PublishAsync(IReadOnlyList<RecordedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var names = new Dictionary<Guid, string>();
        foreach (var e in events)
        {
            if (e.Data is TaskCreated created)
            {
                names[e.StreamId] = created.FunctionName;
            }
        }

        var unknown = events.Select(e => e.StreamId).Where(id => !names.ContainsKey(id)).Distinct().ToArray();
        if (unknown.Length > 0)
        {
            await using var command = dataSource.CreateCommand(FunctionNames);
            command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = unknown });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                names[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        var messages = new List<OutgoingMessage>(events.Count);
        foreach (var e in events)
        {
            if (TaskLifecycleMessages.From(e, names.GetValueOrDefault(e.StreamId) ?? "") is { } message)
            {
                messages.Add(new OutgoingMessage(options.EventsExchange, message.RoutingKey, e.EventId.ToString(), message.Body)
                {
                    Type = Messaging.Contracts.TaskLifecycleRoutes.BodyType(message.RoutingKey),
                    Timestamp = e.RecordedAt,
                });
            }
        }

        if (messages.Count > 0)
        {
            await publisher.PublishAsync(messages, cancellationToken);
        }
    }
}
