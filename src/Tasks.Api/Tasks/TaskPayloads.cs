using Tasks.Api.Errors;

namespace Tasks.Api.Tasks;

/// <summary>The payload of createTask and cancelTask.</summary>
/// <param name="Task">The task, when the mutation succeeded.</param>
/// <param name="Errors">Why it was refused; empty on success.</param>
public sealed record TaskPayload(TaskView? Task, IReadOnlyList<MutationError> Errors)
{
    /// <summary>A success.</summary>
    public static TaskPayload Of(TaskView task) => new(task, []);

    /// <summary>A refusal.</summary>
    public static TaskPayload Refused(MutationError error) => new(null, [error]);
}

/// <summary>What became of one item of createTasks.</summary>
/// <param name="Index">The item's index in the input, from 0.</param>
/// <param name="Task">The task, when created.</param>
/// <param name="Errors">Why the item was refused; empty on success.</param>
public sealed record CreateTaskResult(int Index, TaskView? Task, IReadOnlyList<MutationError> Errors);

/// <summary>The payload of createTasks.</summary>
/// <param name="Results">One result per item, in order.</param>
public sealed record CreateTasksPayload(IReadOnlyList<CreateTaskResult> Results)
{
    /// <summary>How many tasks were created.</summary>
    public int CreatedCount => Results.Count(r => r.Task is not null);

    /// <summary>How many items were refused.</summary>
    public int FailedCount => Results.Count(r => r.Task is null);
}
