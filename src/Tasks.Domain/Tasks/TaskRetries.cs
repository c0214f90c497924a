using Tasks.Domain.Identity;

namespace Tasks.Domain.Tasks;

/// <summary>How a retry task is made from the attempt it retries.</summary>
public static class TaskRetries
{
    /// <summary>
    /// Builds the command that creates the retry task: the same function, data, priority, tags and
    /// creator, starting at <see cref="TaskRetried.RetryAt"/>, linked to every earlier attempt.
    /// </summary>
    /// <param name="failed">The state of the retried task (before or after <paramref name="retried"/>).</param>
    /// <param name="retried">The event that retried it.</param>
    /// <returns>The <see cref="CreateTask"/> for the new task's stream.</returns>
    public static CreateTask CreateRetryCommand(TaskState failed, TaskRetried retried)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentNullException.ThrowIfNull(retried);
        return new CreateTask(
            retried.RetriedByTaskId,
            failed.FunctionName,
            failed.Data,
            retried.RetryAt,
            failed.Priority,
            failed.Tags,
            FunctionDefaultPriority: null,
            new Actor(failed.CreatedByUserId, failed.CreatedByApplicationId),
            failed.RetryForTaskIds.Append(failed.Id),
            retried.At);
    }
}
