using Tasks.EventStore.Subscriptions;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Hosting;
using Tasks.Projections.Events;

namespace Tasks.Api.Messages;

/// <summary>The service's messages over RabbitMQ: document transitions in, task lifecycle events out (docs/messages.md).</summary>
public static class MessagingRegistration
{
    /// <summary>
    /// Registers the consumer of document transitions and the relay of task events, when <c>ConnectionStrings:RabbitMq</c>
    /// is set; returns whether it is. The relay runs in the projection daemon, so one process publishes at a time.
    /// </summary>
    public static bool AddTaskMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.AddMessaging(configuration))
        {
            return false;
        }

        var options = new MessagingOptions();
        configuration.GetSection(MessagingOptions.Section).Bind(options);

        // The inbox first: hosted services stop in reverse order, so the consumer drains its handlers before the inbox stops.
        services.AddSingleton<DocumentTransitionInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<DocumentTransitionInbox>());
        services.AddSingleton<DocumentTransitionHandler>();
        services.AddQueueConsumer(options.DocumentTransitionsQueue, options.DeadLetterQueue, sp => sp.GetRequiredService<DocumentTransitionHandler>().HandleAsync);

        services.AddSingleton<TaskEventRelay>();
        services.AddSingleton<ILogHandler>(sp => new LogRelay(TaskEventRelay.Name, sp.GetRequiredService<TaskEventRelay>(), e => e.StreamType == DomainEventTypes.TaskStream));
        return true;
    }
}
