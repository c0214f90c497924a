using Tasks.Domain.Primitives;

namespace Tasks.Domain.Functions;

/// <summary>
/// A function's retry policy. When it applies to a failure, the failed task becomes <c>retried</c>
/// and a new task runs after a delay; at most <see cref="MaxRetries"/> times.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>The most retries of one piece of work (so at most four attempts in all).</summary>
    public const int MaxRetries = 3;

    /// <summary>Creates a policy.</summary>
    /// <param name="enabled">Whether failures are retried at all.</param>
    /// <param name="errorsToRetry">The error types to retry; <c>null</c> or empty means every error.</param>
    public RetryPolicy(bool enabled, EquatableList<string>? errorsToRetry = null)
    {
        // Parameters typed like the properties, so that serializers can bind this constructor.
        Enabled = enabled;
        ErrorsToRetry = errorsToRetry ?? [];
    }

    /// <summary>No retries.</summary>
    public static RetryPolicy Disabled { get; } = new(false);

    /// <summary>The delay before the 1st, 2nd and 3rd retry: 2, 5 and 10 seconds.</summary>
    public static IReadOnlyList<TimeSpan> Delays { get; } =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    /// <summary>Whether failures are retried at all.</summary>
    public bool Enabled { get; init; }

    /// <summary>The error types to retry; empty means every error.</summary>
    public EquatableList<string> ErrorsToRetry { get; init; }

    /// <summary>Whether this policy retries errors of <paramref name="errorType"/> (ignoring the retry cap).</summary>
    /// <param name="errorType">The error's type.</param>
    /// <returns><c>true</c> when enabled and the type is listed, or the list is empty.</returns>
    public bool Covers(string errorType) =>
        Enabled && (ErrorsToRetry.Count == 0 || ErrorsToRetry.Contains(errorType, StringComparer.Ordinal));

    /// <summary>How long to wait before retrying a failure, or <c>null</c> when it is not retried.</summary>
    /// <param name="errorType">The error's type.</param>
    /// <param name="retriesSoFar">How many retries of this work already happened (the failed task's <c>retryForTaskIds</c> count).</param>
    /// <returns>The delay, or <c>null</c> when the policy does not cover the error or the cap is reached.</returns>
    public TimeSpan? RetryDelay(string errorType, int retriesSoFar) =>
        Covers(errorType) && retriesSoFar is >= 0 and < MaxRetries ? Delays[retriesSoFar] : null;
}
