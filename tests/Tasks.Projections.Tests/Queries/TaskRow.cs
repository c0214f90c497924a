using Tasks.Projections.Queries;

namespace Tasks.Projections.Tests.Queries;

/// <summary>One row of the tasks table as the tests insert it and as the oracle sees it.</summary>
internal sealed record TaskRow(
    Guid Id,
    string Status,
    DateTimeOffset StatusChangedAt,
    string FunctionName,
    DateTimeOffset StartAt,
    int Priority,
    string[] Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? CreatedByUserId,
    string? CreatedByApplicationId,
    Guid? RetriedByTaskId,
    Guid[] RetryForTaskIds,
    string? ErrorType,
    string? ErrorName,
    string? ErrorMessage)
{
    /// <summary>The value of a field by its public name, as the query layer names it.</summary>
    public object? Get(string field) => field switch
    {
        TaskQueryModel.Id => Id,
        TaskQueryModel.Status => Status,
        TaskQueryModel.StatusChangedTimestamp => StatusChangedAt,
        TaskQueryModel.FunctionName => FunctionName,
        TaskQueryModel.StartTimestamp => StartAt,
        TaskQueryModel.Priority => Priority,
        TaskQueryModel.Tags => Tags,
        TaskQueryModel.CreationTimestamp => CreatedAt,
        TaskQueryModel.UpdateTimestamp => UpdatedAt,
        TaskQueryModel.CreatedByUserId => CreatedByUserId,
        TaskQueryModel.CreatedByApplicationId => CreatedByApplicationId,
        TaskQueryModel.RetriedByTaskId => RetriedByTaskId,
        TaskQueryModel.RetryForTaskIds => RetryForTaskIds,
        TaskQueryModel.ErrorType => ErrorType,
        TaskQueryModel.ErrorName => ErrorName,
        TaskQueryModel.ErrorMessage => ErrorMessage,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
