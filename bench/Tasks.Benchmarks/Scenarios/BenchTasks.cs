using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// The task every scenario creates: a small image-resize job, as an API client would send it.
/// Each gets its own document id, so no two rows are alike (as in real traffic).
/// </summary>
internal static class BenchTasks
{
    public const string FunctionName = "resize-image";
    public const string UserId = "user-1";

    /// <summary>
    /// The same shape and size as <see cref="DataFor"/> (about 60 bytes), built by the server, for
    /// the pgbench ceilings: each row's JSON is distinct and parsed by the server, as the task's is.
    /// </summary>
    public const string PayloadSql = "('{\"documentId\":\"' || gen_random_uuid() || '\",\"size\":3}')::jsonb";

    private static readonly IReadOnlyList<string> Tags = ["bench"];
    private static readonly IReadOnlyList<Guid> NoRetries = [];
    private static readonly Actor Creator = new(UserId, null);

    public static CreateTask Create(Guid taskId, DateTimeOffset now) =>
        new(taskId, FunctionName, TaskData.Create(DataFor(taskId)), null, null, Tags, null, Creator, NoRetries, now);

    /// <summary>One request's metadata: a fresh correlation id, the acting user.</summary>
    public static EventMetadata Metadata() => new(Guid.CreateVersion7(), null, UserId, null);

    private static string DataFor(Guid taskId) => string.Concat("{\"documentId\":\"", taskId.ToString(), "\",\"size\":3}");
}
