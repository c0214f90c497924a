using Tasks.Api.Tasks;

namespace Tasks.Api.Subscriptions;

/// <summary>One committed task event, with the task's current facts that subscription filters look at.</summary>
/// <param name="Event">The event.</param>
/// <param name="FunctionName">The task's function (null if the task is no longer in the read model).</param>
/// <param name="Tags">The task's tags.</param>
public sealed record TaskChange(TaskEventView Event, string? FunctionName, IReadOnlyList<string> Tags);
