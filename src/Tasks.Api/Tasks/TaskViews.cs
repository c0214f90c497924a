using Tasks.Domain.Tasks;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Tasks;

/// <summary>Builds views from decided state, so that a mutation answers without reading back what it just wrote.</summary>
public static class TaskViews
{
    /// <summary>The view of a task's state at stream version <paramref name="version"/>.</summary>
    public static TaskView From(TaskState state, int version)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TaskView
        {
            Id = state.Id,
            Status = state.Status.ToWireName(),
            StatusChangedTimestamp = state.StatusChangedTimestamp,
            FunctionName = state.FunctionName,
            Data = new RawJson(state.Data.Json),
            StartTimestamp = state.StartTimestamp,
            Priority = state.Priority,
            Tags = state.Tags,
            CreationTimestamp = state.CreationTimestamp,
            UpdateTimestamp = state.UpdateTimestamp,
            CreatedByUserId = state.CreatedByUserId,
            CreatedByApplicationId = state.CreatedByApplicationId,
            RetriedByTaskId = state.RetriedByTaskId,
            RetryForTaskIds = state.RetryForTaskIds,
            Error = state.Error is { } error ? new TaskErrorView(error.Type, error.Name, error.Message) : null,
            Version = version,
        };
    }
}
