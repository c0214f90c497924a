namespace Tasks.Projections.Queries;

/// <summary>The queryable description of the <c>functions</c> read model, with its public field names.</summary>
public static class FunctionQueryModel
{
    /// <summary>The function's name (the key).</summary>
    public const string Name = "name";

    /// <summary>The description (filterable, not sortable: it can be long).</summary>
    public const string Description = "description";

    /// <summary>The runtime the code runs on.</summary>
    public const string Runtime = "runtime";

    /// <summary>The time limit (integer).</summary>
    public const string TimeLimit = "timeLimit";

    /// <summary>The memory limit (integer).</summary>
    public const string MemoryLimit = "memoryLimit";

    /// <summary>Who may run the function (enum, see <see cref="ExecutionPermissions"/>).</summary>
    public const string ExecutionPermission = "executionPermission";

    /// <summary>The priority tasks get when they give none (nullable integer).</summary>
    public const string DefaultPriority = "defaultPriority";

    /// <summary>Whether tasks of the function may run (boolean).</summary>
    public const string Enabled = "enabled";

    /// <summary>When the function was created.</summary>
    public const string CreationTimestamp = "creationTimestamp";

    /// <summary>When the function last changed.</summary>
    public const string UpdateTimestamp = "updateTimestamp";

    /// <summary>The values of <see cref="ExecutionPermission"/>, as stored.</summary>
    public static IReadOnlyList<string> ExecutionPermissions { get; } = ["permissionRequired", "allUsers", "public"];

    /// <summary>
    /// The description of the <c>functions</c> table, sorted by name by default. <c>environment</c> holds secrets for
    /// the invoker only, so it is neither filterable nor selectable.
    /// </summary>
    public static ReadModelDescription ReadModel { get; } = new(
        "functions",
        Name,
        [
            new QueryField(Name, "name", FieldKind.Text),
            new QueryField(Description, "description", FieldKind.Text, isNullable: true, isSortable: false),
            new QueryField(Runtime, "runtime", FieldKind.Text),
            new QueryField(TimeLimit, "time_limit", FieldKind.Integer),
            new QueryField(MemoryLimit, "memory_limit", FieldKind.Integer),
            new QueryField(ExecutionPermission, "execution_permission", FieldKind.Enum, enumValues: ExecutionPermissions),
            new QueryField(DefaultPriority, "default_priority", FieldKind.Integer, isNullable: true),
            new QueryField(Enabled, "enabled", FieldKind.Boolean),
            new QueryField(CreationTimestamp, "created_at", FieldKind.Timestamp),
            new QueryField(UpdateTimestamp, "updated_at", FieldKind.Timestamp),
        ],
        [new SortField(Name)],
        ["stream_id", "version", "code_sha256", "code_size_bytes", "entry_point", "retry_enabled", "retry_errors"]);
}
