using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tasks;

/// <summary>
/// A task as its events left it (a task that was never created has no state: <c>null</c>).
/// Equality is structural, so two states built from the same events are equal.
/// </summary>
public sealed record TaskState
{
    /// <summary>The task's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The current status.</summary>
    public required TaskStatus Status { get; init; }

    /// <summary>When the status last changed.</summary>
    public required DateTimeOffset StatusChangedTimestamp { get; init; }

    /// <summary>The function to run.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The JSON object handed to the function.</summary>
    public required TaskData Data { get; init; }

    /// <summary>Not before this time.</summary>
    public required DateTimeOffset StartTimestamp { get; init; }

    /// <summary>Higher runs first among due tasks.</summary>
    public required int Priority { get; init; }

    /// <summary>Tags for search and tracing.</summary>
    public required EquatableList<string> Tags { get; init; }

    /// <summary>When it was created (entered <c>new</c>).</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>The creating user, if any.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>The creating application, if any.</summary>
    public string? CreatedByApplicationId { get; init; }

    /// <summary>The task that retries this one, once <c>retried</c>.</summary>
    public Guid? RetriedByTaskId { get; init; }

    /// <summary>The earlier attempts this task retries, oldest first.</summary>
    public required EquatableList<Guid> RetryForTaskIds { get; init; }

    /// <summary>Why it failed, once <c>failed</c> or <c>retried</c>.</summary>
    public TaskError? Error { get; init; }

    /// <summary>When the lease of its run expires (kept after the run, for the record).</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When the retry task starts, once <c>retried</c>.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>When it entered <c>inProgress</c>.</summary>
    public DateTimeOffset? StartedTimestamp { get; init; }

    /// <summary>When it entered <c>complete</c>.</summary>
    public DateTimeOffset? CompletedTimestamp { get; init; }

    /// <summary>When it entered <c>failed</c>.</summary>
    public DateTimeOffset? FailedTimestamp { get; init; }

    /// <summary>When it entered <c>retried</c>.</summary>
    public DateTimeOffset? RetriedTimestamp { get; init; }

    /// <summary>When it entered <c>canceled</c>.</summary>
    public DateTimeOffset? CanceledTimestamp { get; init; }

    /// <summary>How many times the work was retried before this attempt.</summary>
    public int RetryCount => RetryForTaskIds.Count;

    /// <summary>Whether the task accepts no further command.</summary>
    public bool IsTerminal => Status.IsTerminal();
}
