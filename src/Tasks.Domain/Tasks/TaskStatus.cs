namespace Tasks.Domain.Tasks;

/// <summary>Where a task is in its lifecycle. Wire names: see <see cref="TaskStatuses"/>.</summary>
public enum TaskStatus
{
    /// <summary>Created, waiting to be due and claimed (wire name <c>new</c>).</summary>
    New,

    /// <summary>Its function was invoked; it can no longer be halted (wire name <c>inProgress</c>).</summary>
    InProgress,

    /// <summary>The function reported success (wire name <c>complete</c>). Terminal.</summary>
    Complete,

    /// <summary>It failed and a new task was created to retry it (wire name <c>retried</c>). Terminal.</summary>
    Retried,

    /// <summary>It failed and will not be retried (wire name <c>failed</c>). Terminal.</summary>
    Failed,

    /// <summary>It was canceled before it started (wire name <c>canceled</c>). Terminal.</summary>
    Canceled,
}
