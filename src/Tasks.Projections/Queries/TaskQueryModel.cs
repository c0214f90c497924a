namespace Tasks.Projections.Queries;

/// <summary>The queryable description of the <c>tasks</c> read model, with its public field names.</summary>
public static class TaskQueryModel
{
    /// <summary>The task id (uuid, the key).</summary>
    public const string Id = "id";

    /// <summary>The status (enum, see <see cref="Statuses"/>).</summary>
    public const string Status = "status";

    /// <summary>When the current status was entered.</summary>
    public const string StatusChangedTimestamp = "statusChangedTimestamp";

    /// <summary>The function the task runs.</summary>
    public const string FunctionName = "functionName";

    /// <summary>When the task may start.</summary>
    public const string StartTimestamp = "startTimestamp";

    /// <summary>The priority (integer).</summary>
    public const string Priority = "priority";

    /// <summary>The tags (text list).</summary>
    public const string Tags = "tags";

    /// <summary>When the task was created.</summary>
    public const string CreationTimestamp = "creationTimestamp";

    /// <summary>When the task last changed.</summary>
    public const string UpdateTimestamp = "updateTimestamp";

    /// <summary>The user who created the task, if a user did.</summary>
    public const string CreatedByUserId = "createdByUserId";

    /// <summary>The application that created the task, if one did.</summary>
    public const string CreatedByApplicationId = "createdByApplicationId";

    /// <summary>The task that retried this one, if any.</summary>
    public const string RetriedByTaskId = "retriedByTaskId";

    /// <summary>The tasks this one is a retry for (uuid list).</summary>
    public const string RetryForTaskIds = "retryForTaskIds";

    /// <summary>The error's type, when the task failed.</summary>
    public const string ErrorType = "errorType";

    /// <summary>The error's name, when the task failed.</summary>
    public const string ErrorName = "errorName";

    /// <summary>The error's message, when the task failed (filterable, not sortable: it can be long).</summary>
    public const string ErrorMessage = "errorMessage";

    /// <summary>The values of <see cref="Status"/>, as stored.</summary>
    public static IReadOnlyList<string> Statuses { get; } = ["new", "inProgress", "complete", "retried", "failed", "canceled"];

    /// <summary>The description of the <c>tasks</c> table. Newest first by default. <c>data</c> is selectable, never filterable.</summary>
    public static ReadModelDescription ReadModel { get; } = new(
        "tasks",
        Id,
        [
            new QueryField(Id, "id", FieldKind.Uuid),
            new QueryField(Status, "status", FieldKind.Enum, enumValues: Statuses),
            new QueryField(StatusChangedTimestamp, "status_changed_at", FieldKind.Timestamp),
            new QueryField(FunctionName, "function_name", FieldKind.Text),
            new QueryField(StartTimestamp, "start_at", FieldKind.Timestamp),
            new QueryField(Priority, "priority", FieldKind.Integer),
            new QueryField(Tags, "tags", FieldKind.TextList),
            new QueryField(CreationTimestamp, "created_at", FieldKind.Timestamp),
            new QueryField(UpdateTimestamp, "updated_at", FieldKind.Timestamp),
            new QueryField(CreatedByUserId, "created_by_user_id", FieldKind.Text, isNullable: true),
            new QueryField(CreatedByApplicationId, "created_by_application_id", FieldKind.Text, isNullable: true),
            new QueryField(RetriedByTaskId, "retried_by_task_id", FieldKind.Uuid, isNullable: true),
            new QueryField(RetryForTaskIds, "retry_for_task_ids", FieldKind.UuidList),
            new QueryField(ErrorType, "error_type", FieldKind.Text, isNullable: true),
            new QueryField(ErrorName, "error_name", FieldKind.Text, isNullable: true),
            new QueryField(ErrorMessage, "error_message", FieldKind.Text, isNullable: true, isSortable: false),
        ],
        [new SortField(CreationTimestamp, SortDirection.Descending)],
        [
            "version", "data", "lease_expires_at", "new_at", "in_progress_at",
            "complete_at", "failed_at", "retried_at", "canceled_at",
        ]);
}
