using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Tasks;

/// <summary>One event of a task's stream (GraphQL <c>TaskEvent</c>).</summary>
/// <param name="Type">The stored event name (task-created, …); the schema binds it to TaskEventType.</param>
/// <param name="TaskId">The task.</param>
/// <param name="Version">The event's position in the stream.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="Actor">Who caused it, when a caller did.</param>
/// <param name="CorrelationId">The request that caused it.</param>
/// <param name="CausationId">The event or message that caused it.</param>
/// <param name="Data">The event's data as recorded.</param>
public sealed record TaskEventView(
    string Type,
    Guid TaskId,
    int Version,
    DateTimeOffset Timestamp,
    ActorView? Actor,
    Guid? CorrelationId,
    Guid? CausationId,
    RawJson Data);

/// <summary>Who did something.</summary>
/// <param name="UserId">The user.</param>
/// <param name="ApplicationId">The application.</param>
public sealed record ActorView(string? UserId, string? ApplicationId)
{
    /// <summary>The actor, or null when neither id is known (the service's own work).</summary>
    public static ActorView? Of(string? userId, string? applicationId) =>
        userId is null && applicationId is null ? null : new ActorView(userId, applicationId);
}
