namespace Tasks.EventStore.Notifications;

/// <summary>
/// Wakes the log's readers in this process when new events may be readable: after a local
/// commit, or when a NOTIFY arrives from another process. It is only a hint: readers also poll.
/// </summary>
public sealed class LogSignal
{
    private readonly Lock gate = new();
    private readonly List<LogWaiter> waiters = [];

    /// <summary>Raised after events were committed by this process (the NOTIFY sender listens here).</summary>
    public event Action? Committed;

    /// <summary>A waiter for one reader; a wake-up that arrives while the reader is busy is kept for its next wait.</summary>
    public LogWaiter Subscribe()
    {
        var waiter = new LogWaiter(this);
        lock (gate)
        {
            waiters.Add(waiter);
        }

        return waiter;
    }

    /// <summary>Announces a local commit and wakes every reader.</summary>
    public void Notify()
    {
        Wake();
        Committed?.Invoke();
    }

    /// <summary>Wakes every reader without announcing a local commit (for notifications from other processes).</summary>
    public void Wake()
    {
        LogWaiter[] current;
        lock (gate)
        {
            current = [.. waiters];
        }

        foreach (var waiter in current)
        {
            waiter.Set();
        }
    }

    internal void Remove(LogWaiter waiter)
    {
        lock (gate)
        {
            waiters.Remove(waiter);
        }
    }
}

/// <summary>One reader's wake-up flag. Many wake-ups before a wait coalesce into one.</summary>
public sealed class LogWaiter : IDisposable
{
    private readonly LogSignal signal;
    private readonly Lock gate = new();
    private TaskCompletionSource pending = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal LogWaiter(LogSignal signal) => this.signal = signal;

    /// <summary>Returns at the next wake-up (or at once if one came since the last wait), or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task waiting;
        lock (gate)
        {
            waiting = pending.Task;
        }

        try
        {
            await waiting.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The polling backstop: a notification may be lost with a dropped connection.
        }

        lock (gate)
        {
            if (pending.Task.IsCompleted)
            {
                pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => signal.Remove(this);

    internal void Set()
    {
        lock (gate)
        {
            pending.TrySetResult();
        }
    }
}
