namespace Tasks.EventStore.Streams;

/// <summary>Who and what caused an event; stored with every event for audit and tracing.</summary>
/// <param name="CorrelationId">Shared by every event of one user request or message flow.</param>
/// <param name="CausationId">The id of the event or message that directly caused this one.</param>
/// <param name="ActorUserId">The user on whose behalf the change was made, if any.</param>
/// <param name="ActorApplicationId">The application that made the change, if any.</param>
public sealed record EventMetadata(Guid? CorrelationId = null, Guid? CausationId = null, string? ActorUserId = null, string? ActorApplicationId = null)
{
    /// <summary>No metadata known.</summary>
    public static EventMetadata None { get; } = new();
}
