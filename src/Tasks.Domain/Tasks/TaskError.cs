namespace Tasks.Domain.Tasks;

/// <summary>Why a task failed, as reported by its function or by the service.</summary>
/// <param name="Type">The error type, matched against a retry policy's <c>errorsToRetry</c>.</param>
/// <param name="Name">The error's name (e.g. the exception class).</param>
/// <param name="Message">The error's message.</param>
public sealed record TaskError(string Type, string Name, string Message)
{
    /// <summary>The error type of a task whose lease expired before its function reported back.</summary>
    public const string ZombieTaskCleanedType = "zombieTaskCleaned";

    /// <summary>The error recorded when the watchdog fails a task whose lease expired.</summary>
    /// <param name="leaseExpiredAt">When the lease expired.</param>
    /// <returns>The error, of type <see cref="ZombieTaskCleanedType"/>.</returns>
    public static TaskError ZombieTaskCleaned(DateTimeOffset leaseExpiredAt) =>
        new(
            ZombieTaskCleanedType,
            "ZombieTaskCleaned",
            FormattableString.Invariant($"The function did not report back before the task's lease expired at {leaseExpiredAt:O}."));
}
