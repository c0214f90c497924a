using Npgsql;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Schedules;

/// <summary>How a <c>schedules</c> row becomes a <see cref="ScheduleView"/>.</summary>
public static class ScheduleRows
{
    /// <summary>The columns <see cref="Read"/> expects at ordinals 0…</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "function_name", "data", "priority", "tags", "start_at", "interval_seconds", "next_at", "last_fired_at",
        "created_at", "updated_at", "created_by_user_id", "created_by_application_id",
    ];

    /// <summary>The column list as SQL.</summary>
    public static string SelectList { get; } = string.Join(", ", Columns);

    /// <summary>Maps the row the reader is on.</summary>
    public static ScheduleView Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new ScheduleView
        {
            Id = reader.GetGuid(0),
            FunctionName = reader.GetString(1),
            Data = new RawJson(reader.GetString(2)),
            Priority = reader.IsDBNull(3) ? null : reader.GetInt32(3),
            Tags = reader.GetFieldValue<string[]>(4),
            StartTimestamp = reader.GetFieldValue<DateTimeOffset>(5),
            Interval = reader.GetInt32(6),
            NextTimestamp = reader.GetFieldValue<DateTimeOffset>(7),
            LastFiredTimestamp = reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8),
            CreationTimestamp = reader.GetFieldValue<DateTimeOffset>(9),
            UpdateTimestamp = reader.GetFieldValue<DateTimeOffset>(10),
            CreatedByUserId = reader.IsDBNull(11) ? null : reader.GetString(11),
            CreatedByApplicationId = reader.IsDBNull(12) ? null : reader.GetString(12),
        };
    }
}
