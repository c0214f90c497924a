using Tasks.Domain.Tasks;

namespace Tasks.Dispatcher.Invoking;

/// <summary>How an invocation ended. Each kind maps to one task transition.</summary>
public abstract record InvocationOutcome
{
    private protected InvocationOutcome(IReadOnlyList<InvocationLogLine> logs) => Logs = logs;

    /// <summary>The lines the function logged, oldest first (possibly truncated by the invoker).</summary>
    public IReadOnlyList<InvocationLogLine> Logs { get; }
}

/// <summary>The function returned a result: the task completes.</summary>
/// <param name="ResultJson">The result as JSON text (null when the function returned nothing).</param>
/// <param name="Logs">The lines logged.</param>
public sealed record InvocationSucceeded(string? ResultJson, IReadOnlyList<InvocationLogLine> Logs) : InvocationOutcome(Logs);

/// <summary>
/// The function (or the platform running it) failed: the task fails or is retried by policy. <see cref="TaskError.Type"/>
/// is what retry policies match, e.g. the function's own error type, <c>timeout</c>, <c>functionNotFound</c>,
/// <c>invocationFailed</c> (network), <c>outOfMemory</c>.
/// </summary>
/// <param name="Error">Why.</param>
/// <param name="Logs">The lines logged.</param>
public sealed record InvocationFailed(TaskError Error, IReadOnlyList<InvocationLogLine> Logs) : InvocationOutcome(Logs);

/// <summary>The platform refused to run it now (e.g. Lambda's 429): not a failure; the task is due again after <see cref="RetryAfter"/>.</summary>
/// <param name="RetryAfter">How long to wait before trying again.</param>
/// <param name="Reason">What the platform said.</param>
public sealed record InvocationThrottled(TimeSpan RetryAfter, string Reason) : InvocationOutcome([]);

/// <summary>One line a function logged.</summary>
/// <param name="Timestamp">When (the invoker's clock when it read the line, if the platform gives no time).</param>
/// <param name="Message">The text.</param>
public sealed record InvocationLogLine(DateTimeOffset Timestamp, string Message);
