using Tasks.EventStore.Subscriptions;

namespace Tasks.Dispatcher.Deployment;

/// <summary>How the deployment follower retries Lambda and elects the one process that deploys (configuration <c>Dispatcher:Lambda:Deployment</c>).</summary>
public sealed record LambdaDeploymentOptions
{
    /// <summary>How many times one deployment or deletion is tried when Lambda fails transiently (network, 5xx, throttling) before it is recorded as failed.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The wait before the first retry; it doubles for each further one.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a waiting process tries to become the deployer, and the deployer checks that it still is.</summary>
    public TimeSpan LeaderCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How the follower reads the log (small batches: a batch is one unit of redo after a crash).</summary>
    public LogSubscriptionOptions Subscription { get; init; } = new(BatchSize: 100);

    /// <summary>The wait before retry <paramref name="attempt"/> (1 for the first retry).</summary>
    /// <param name="attempt">The retry's number.</param>
    /// <returns>The delay, doubling from <see cref="RetryDelay"/> up to <see cref="MaxRetryDelay"/>.</returns>
    public TimeSpan BackoffFor(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(RetryDelay.Ticks * factor, MaxRetryDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
