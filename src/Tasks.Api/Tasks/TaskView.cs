using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Tasks;

/// <summary>A task as the API shows it (the GraphQL <c>Task</c> type's stored fields).</summary>
public sealed record TaskView
{
    /// <summary>The task's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The status, spelled as stored (new, inProgress, …); the schema binds it to the TaskStatus enum.</summary>
    public required string Status { get; init; }

    /// <summary>When the status last changed.</summary>
    public required DateTimeOffset StatusChangedTimestamp { get; init; }

    /// <summary>The function the task runs.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The data handed to the function, as JSON text.</summary>
    public required RawJson Data { get; init; }

    /// <summary>Not before this instant.</summary>
    public required DateTimeOffset StartTimestamp { get; init; }

    /// <summary>Higher runs first.</summary>
    public required int Priority { get; init; }

    /// <summary>The task's tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>When the task was created.</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When the task last changed.</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>The user who created it.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>The application that created it.</summary>
    public string? CreatedByApplicationId { get; init; }

    /// <summary>The retry made when this task failed.</summary>
    public Guid? RetriedByTaskId { get; init; }

    /// <summary>The attempts this task retries, oldest first.</summary>
    public required IReadOnlyList<Guid> RetryForTaskIds { get; init; }

    /// <summary>Why it failed.</summary>
    public TaskErrorView? Error { get; init; }

    /// <summary>How many events the stream holds.</summary>
    public required int Version { get; init; }
}

/// <summary>Why a task failed.</summary>
/// <param name="Type">The machine-readable kind.</param>
/// <param name="Name">A name, when the function gave one.</param>
/// <param name="Message">A message, when the function gave one.</param>
public sealed record TaskErrorView(string Type, string? Name, string? Message);
