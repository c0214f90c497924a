namespace Tasks.Projections.Logs;

/// <summary>One line a task's function logged.</summary>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Message">The text.</param>
public sealed record TaskLogLine(DateTimeOffset Timestamp, string Message);
