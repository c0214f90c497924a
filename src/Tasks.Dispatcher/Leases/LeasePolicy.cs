namespace Tasks.Dispatcher.Leases;

/// <summary>How long a started task may stay in progress: its function's time limit plus a grace, capped.</summary>
/// <param name="Grace">Added to the time limit, for starting the function and recording its outcome.</param>
/// <param name="Max">The longest lease, whatever the time limit.</param>
public sealed record LeasePolicy(TimeSpan Grace, TimeSpan Max)
{
    /// <summary>The lease for a function whose time limit is <paramref name="timeLimitSeconds"/> (null: the function is gone).</summary>
    public TimeSpan For(int? timeLimitSeconds)
    {
        var lease = TimeSpan.FromSeconds(timeLimitSeconds ?? 0) + Grace;
        return lease < Max ? lease : Max;
    }
}
