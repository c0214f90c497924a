using System.Diagnostics.CodeAnalysis;

namespace Tasks.Domain.Tasks;

/// <summary>The wire names of <see cref="TaskStatus"/> (as callers of the hosted service know them) and status facts.</summary>
public static class TaskStatuses
{
    /// <summary>Every status, in lifecycle order.</summary>
    public static IReadOnlyList<TaskStatus> All { get; } =
        [TaskStatus.New, TaskStatus.InProgress, TaskStatus.Complete, TaskStatus.Retried, TaskStatus.Failed, TaskStatus.Canceled];

    /// <summary>The wire name: <c>new</c>, <c>inProgress</c>, <c>complete</c>, <c>retried</c>, <c>failed</c>, <c>canceled</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The wire name.</returns>
    public static string ToWireName(this TaskStatus status) =>
        status switch
        {
            TaskStatus.New => "new",
            TaskStatus.InProgress => "inProgress",
            TaskStatus.Complete => "complete",
            TaskStatus.Retried => "retried",
            TaskStatus.Failed => "failed",
            TaskStatus.Canceled => "canceled",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown task status."),
        };

    /// <summary>Reads a wire name (exact, case-sensitive).</summary>
    /// <param name="wireName">The wire name.</param>
    /// <param name="status">The status, when recognised.</param>
    /// <returns>Whether the name is a status's wire name.</returns>
    public static bool TryFromWireName([NotNullWhen(true)] string? wireName, out TaskStatus status)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireName(), wireName, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Reads a wire name (exact, case-sensitive); throws on an unknown one.</summary>
    /// <param name="wireName">The wire name.</param>
    /// <returns>The status.</returns>
    public static TaskStatus FromWireName(string wireName) =>
        TryFromWireName(wireName, out var status)
            ? status
            : throw new ArgumentException($"'{wireName}' is not a task status.", nameof(wireName));

    /// <summary>Whether a task in this status accepts no further command: complete, retried, failed, canceled.</summary>
    /// <param name="status">The status.</param>
    /// <returns><c>true</c> for the terminal statuses.</returns>
    public static bool IsTerminal(this TaskStatus status) =>
        status is TaskStatus.Complete or TaskStatus.Retried or TaskStatus.Failed or TaskStatus.Canceled;
}
