namespace Tasks.Dispatcher.Queue;

/// <summary>A due task this dispatcher claimed and started, with what invoking it needs.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="StartedVersion">The task stream's version after its start (its outcome is appended expecting it).</param>
/// <param name="FunctionName">The function to run.</param>
/// <param name="Priority">The task's priority.</param>
/// <param name="StartTimestamp">When it became due.</param>
/// <param name="DataJson">The task's data.</param>
/// <param name="Tags">The task's tags.</param>
/// <param name="Attempt">1 for a first run, 2 for its first retry, and so on.</param>
/// <param name="LeaseExpiresAt">When its lease runs out: the watchdog fails it if no outcome was recorded by then.</param>
public sealed record ClaimedTask(
    Guid TaskId,
    int StartedVersion,
    string FunctionName,
    int Priority,
    DateTimeOffset StartTimestamp,
    string DataJson,
    IReadOnlyList<string> Tags,
    int Attempt,
    DateTimeOffset LeaseExpiresAt);
