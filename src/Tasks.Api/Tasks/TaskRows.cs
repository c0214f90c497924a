using Npgsql;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Tasks;

/// <summary>How a <c>tasks</c> row becomes a <see cref="TaskView"/>: the columns read, in order, and the mapping.</summary>
public static class TaskRows
{
    /// <summary>The columns <see cref="Read"/> expects at ordinals 0…</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "status", "status_changed_at", "function_name", "data", "start_at", "priority", "tags", "created_at",
        "updated_at", "created_by_user_id", "created_by_application_id", "retried_by_task_id", "retry_for_task_ids",
        "error_type", "error_name", "error_message", "version",
    ];

    /// <summary>The column list as SQL (the names are fixed identifiers, never input).</summary>
    public static string SelectList { get; } = string.Join(", ", Columns);

    /// <summary>Maps the row the reader is on.</summary>
    public static TaskView Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new TaskView
        {
            Id = reader.GetGuid(0),
            Status = reader.GetString(1),
            StatusChangedTimestamp = reader.GetFieldValue<DateTimeOffset>(2),
            FunctionName = reader.GetString(3),
            Data = new RawJson(reader.GetString(4)),
            StartTimestamp = reader.GetFieldValue<DateTimeOffset>(5),
            Priority = reader.GetInt32(6),
            Tags = reader.GetFieldValue<string[]>(7),
            CreationTimestamp = reader.GetFieldValue<DateTimeOffset>(8),
            UpdateTimestamp = reader.GetFieldValue<DateTimeOffset>(9),
            CreatedByUserId = reader.IsDBNull(10) ? null : reader.GetString(10),
            CreatedByApplicationId = reader.IsDBNull(11) ? null : reader.GetString(11),
            RetriedByTaskId = reader.IsDBNull(12) ? null : reader.GetGuid(12),
            RetryForTaskIds = reader.GetFieldValue<Guid[]>(13),
            Error = reader.IsDBNull(14) ? null : new TaskErrorView(reader.GetString(14), reader.IsDBNull(15) ? null : reader.GetString(15), reader.IsDBNull(16) ? null : reader.GetString(16)),
            Version = reader.GetInt32(17),
        };
    }
}
