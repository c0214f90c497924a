using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Log;

namespace Tasks.EventStore.Subscriptions;

/// <summary>
/// Feeds the global log to one handler from its checkpoint: woken by notifications, polling as the
/// backstop, committing the checkpoint in the same transaction as the handler's writes.
/// </summary>
public sealed class LogSubscription(EventStore store, ILogHandler handler, ILogger logger, LogSubscriptionOptions? options = null)
{
    private readonly LogSubscriptionOptions options = options ?? new LogSubscriptionOptions();

    /// <summary>The handler's checkpoint as last committed by this subscription.</summary>
    public LogPosition Position { get; private set; }

    /// <summary>When this subscription last committed a batch.</summary>
    public DateTimeOffset? LastProcessedAt { get; private set; }

    /// <summary>The handler.</summary>
    public ILogHandler Handler => handler;

    /// <summary>Processes the log until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var waiter = store.Signal.Subscribe();
        await LoadCheckpointAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessBatchAsync(cancellationToken) == 0)
                {
                    await waiter.WaitAsync(options.PollInterval, cancellationToken);
                }
            }
            catch (CheckpointMovedException e)
            {
                logger.LogInformation(e, "checkpoint {Name} moved elsewhere; reloading it", handler.Name);
                await LoadCheckpointAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The database or the handler's own destination (a broker) is away: keep the checkpoint and try again,
                // never skip.
                logger.LogWarning(e, "subscriber {Name} failed at {Position}; retrying", handler.Name, Position);
                await Task.Delay(options.RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>Starts from the handler's committed checkpoint.</summary>
    public async Task LoadCheckpointAsync(CancellationToken cancellationToken = default) =>
        Position = await Checkpoints.ReadAsync(store.DataSource, handler.Name, cancellationToken);

    /// <summary>Reads and applies one batch; returns how many events it applied.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken cancellationToken = default)
    {
        var events = await store.ReadLogAsync(Position, options.BatchSize, cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var to = events[^1].Position;
        var work = store.BeginUnitOfWork();
        await handler.HandleAsync(events, work, cancellationToken);
        work.Execute(Checkpoints.Advance(handler.Name, Position, to));
        try
        {
            await work.CommitAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == "TS409")
        {
            throw new CheckpointMovedException(handler.Name, e);
        }

        Position = to;
        LastProcessedAt = DateTimeOffset.UtcNow;
        return events.Count;
    }
}

/// <summary>How a subscription reads the log.</summary>
/// <param name="BatchSize">Events per transaction.</param>
/// <param name="PollInterval">The longest wait without a notification before reading again.</param>
/// <param name="RetryDelay">The wait after a database error.</param>
public sealed record LogSubscriptionOptions(int BatchSize = 500, TimeSpan PollInterval = default, TimeSpan RetryDelay = default)
{
    /// <summary>The longest wait without a notification before reading again (default one second).</summary>
    public TimeSpan PollInterval { get; init; } = PollInterval == default ? TimeSpan.FromSeconds(1) : PollInterval;

    /// <summary>The wait after a database error (default two seconds).</summary>
    public TimeSpan RetryDelay { get; init; } = RetryDelay == default ? TimeSpan.FromSeconds(2) : RetryDelay;
}
