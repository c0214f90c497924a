namespace Tasks.Projections.Queries;

/// <summary>The queryable description of the <c>schedules</c> read model, with its public field names.</summary>
public static class ScheduleQueryModel
{
    /// <summary>The schedule id (uuid, the key).</summary>
    public const string Id = "id";

    /// <summary>The function the schedule's tasks run.</summary>
    public const string FunctionName = "functionName";

    /// <summary>The priority the schedule's tasks get (nullable integer).</summary>
    public const string Priority = "priority";

    /// <summary>When the schedule starts.</summary>
    public const string StartTimestamp = "startTimestamp";

    /// <summary>Seconds between firings (integer).</summary>
    public const string Interval = "interval";

    /// <summary>When the schedule fires next.</summary>
    public const string NextTimestamp = "nextTimestamp";

    /// <summary>When the schedule was created.</summary>
    public const string CreationTimestamp = "creationTimestamp";

    /// <summary>
    /// The description of the <c>schedules</c> table, newest first by default like tasks. <c>data</c> is selectable,
    /// never filterable.
    /// </summary>
    public static ReadModelDescription ReadModel { get; } = new(
        "schedules",
        Id,
        [
            new QueryField(Id, "id", FieldKind.Uuid),
            new QueryField(FunctionName, "function_name", FieldKind.Text),
            new QueryField(Priority, "priority", FieldKind.Integer, isNullable: true),
            new QueryField(StartTimestamp, "start_at", FieldKind.Timestamp),
            new QueryField(Interval, "interval_seconds", FieldKind.Integer),
            new QueryField(NextTimestamp, "next_at", FieldKind.Timestamp),
            new QueryField(CreationTimestamp, "created_at", FieldKind.Timestamp),
        ],
        [new SortField(CreationTimestamp, SortDirection.Descending)],
        [
            "version", "data", "tags", "last_fired_at", "updated_at",
            "created_by_user_id", "created_by_application_id",
        ]);
}
