using Npgsql;

namespace Tasks.Api.Functions;

/// <summary>How a <c>functions</c> row becomes a <see cref="FunctionView"/>. The environment column is never read here.</summary>
public static class FunctionRows
{
    /// <summary>The columns <see cref="Read"/> expects at ordinals 0…</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "name", "stream_id", "description", "code_sha256", "code_size_bytes", "entry_point", "runtime", "time_limit",
        "memory_limit", "execution_permission", "default_priority", "retry_enabled", "retry_errors", "enabled",
        "created_at", "updated_at", "version",
    ];

    /// <summary>The column list as SQL.</summary>
    public static string SelectList { get; } = string.Join(", ", Columns);

    /// <summary>Maps the row the reader is on.</summary>
    public static FunctionView Read(NpgsqlDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new FunctionView
        {
            Name = reader.GetString(0),
            StreamId = reader.GetGuid(1),
            Description = reader.IsDBNull(2) ? null : reader.GetString(2),
            Code = reader.IsDBNull(3) ? null : new FunctionCodeView(reader.GetString(3), reader.GetInt64(4)),
            EntryPoint = reader.GetString(5),
            Runtime = reader.GetString(6),
            TimeLimit = reader.GetInt32(7),
            MemoryLimit = reader.GetInt32(8),
            ExecutionPermission = reader.GetString(9),
            DefaultPriority = reader.IsDBNull(10) ? null : reader.GetInt32(10),
            RetryPolicy = new RetryPolicyView(reader.GetBoolean(11), reader.GetFieldValue<string[]>(12)),
            Enabled = reader.GetBoolean(13),
            CreationTimestamp = reader.GetFieldValue<DateTimeOffset>(14),
            UpdateTimestamp = reader.GetFieldValue<DateTimeOffset>(15),
            Version = reader.GetInt32(16),
        };
    }
}
