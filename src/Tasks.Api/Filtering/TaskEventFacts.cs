namespace Tasks.Api.Filtering;

/// <summary>
/// What the <c>taskEvents</c> subscription filter may look at of one committed task event: enough to decide whether
/// to push it without reading the event's data.
/// </summary>
/// <param name="TaskId">The task's id (the event's stream).</param>
/// <param name="Type">The stored event name, e.g. <c>task-created</c> (see <see cref="TaskEventFilter.EventTypes"/>).</param>
/// <param name="FunctionName">The task's function, or null when it is not known; negative conditions then hold.</param>
/// <param name="Tags">The task's tags (empty when it has none).</param>
public sealed record TaskEventFacts(Guid TaskId, string Type, string? FunctionName, IReadOnlyList<string> Tags);
