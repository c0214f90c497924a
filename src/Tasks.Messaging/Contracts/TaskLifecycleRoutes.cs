namespace Tasks.Messaging.Contracts;

/// <summary>
/// The routing keys of lifecycle messages on the <c>tasks.events</c> exchange, and the <c>type</c> each body carries
/// (docs/messages.md).
/// </summary>
public static class TaskLifecycleRoutes
{
    /// <summary>A task was created.</summary>
    public const string Created = "task.created";

    /// <summary>A task was started: its function was invoked.</summary>
    public const string Started = "task.started";

    /// <summary>A task's function returned a result.</summary>
    public const string Completed = "task.completed";

    /// <summary>A task failed for good.</summary>
    public const string Failed = "task.failed";

    /// <summary>A task was canceled before it started.</summary>
    public const string Canceled = "task.canceled";

    /// <summary>A task failed and a new task retries it.</summary>
    public const string Retried = "task.retried";

    /// <summary>The body's <c>type</c> for <paramref name="routingKey"/>: <c>task.failed</c> → <c>task_failed</c>.</summary>
    public static string BodyType(string routingKey)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        return routingKey.Replace('.', '_');
    }
}
