using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Leases;
using Tasks.EventStore.Subscriptions;

namespace Tasks.Projections.Daemon;

/// <summary>
/// Runs the asynchronous projections from their checkpoints. Any number of processes may host it:
/// a lease elects one leader that runs them; the others wait and take over if the leader stops renewing.
/// </summary>
public sealed class ProjectionDaemon(EventStore.EventStore store, IEnumerable<ILogHandler> projections, ILogger<ProjectionDaemon> logger, ProjectionDaemonOptions? options = null)
    : BackgroundService
{
    /// <summary>Lag is counted up to this many events; beyond it the exact figure is not worth a long count.</summary>
    public const long LagCountLimit = 1_000_000;

    private readonly ProjectionDaemonOptions options = options ?? new ProjectionDaemonOptions();
    private readonly IReadOnlyList<ILogHandler> handlers = [.. projections];
    private readonly Dictionary<string, LogSubscription> running = [];

    /// <summary>Whether this process is the leader now.</summary>
    public bool IsLeader { get; private set; }

    /// <summary>Every projection's checkpoint and lag.</summary>
    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken cancellationToken = default)
    {
        var head = await store.ReadableHeadAsync(cancellationToken);
        var statuses = new List<ProjectionStatus>();
        foreach (var handler in handlers)
        {
            var checkpoint = await Checkpoints.ReadAsync(store.DataSource, handler.Name, cancellationToken);
            var behind = await store.CountReadableAfterAsync(checkpoint, LagCountLimit, cancellationToken);
            DateTimeOffset? last;
            lock (running)
            {
                last = running.TryGetValue(handler.Name, out var subscription) ? subscription.LastProcessedAt : null;
            }

            statuses.Add(new ProjectionStatus(handler.Name, checkpoint, head, behind, last));
        }

        return statuses;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = new Lease(store.DataSource, "projection-daemon", options.Holder, options.LeaseDuration);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(stoppingToken))
                {
                    await LeadAsync(lease, stoppingToken);
                }
                else
                {
                    await Task.Delay(options.LeaseDuration / 3, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "projection daemon lost the database; trying again");
                await Task.Delay(options.LeaseDuration / 3, stoppingToken);
            }
        }

        try
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
        catch (NpgsqlException e)
        {
            logger.LogInformation(e, "could not release the projection lease; it expires by itself");
        }
    }

    private async Task LeadAsync(Lease lease, CancellationToken stoppingToken)
    {
        IsLeader = true;
        logger.LogInformation("{Holder} leads the projection daemon", options.Holder);
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var subscriptions = handlers.Select(h => new LogSubscription(store, h, logger, options.Subscription)).ToArray();
        lock (running)
        {
            foreach (var subscription in subscriptions)
            {
                running[subscription.Handler.Name] = subscription;
            }
        }

        var work = subscriptions.Select(s => s.RunAsync(leading.Token)).ToArray();
        try
        {
            // Renew well before expiry; losing the lease stops the projections before another leader starts them.
            while (await lease.TryAcquireAsync(stoppingToken))
            {
                await Task.WhenAny(Task.Delay(options.LeaseDuration / 3, stoppingToken), Task.WhenAll(work));
                if (work.All(w => w.IsCompleted))
                {
                    break;
                }
            }
        }
        finally
        {
            IsLeader = false;
            await leading.CancelAsync();
            try
            {
                await Task.WhenAll(work);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}

/// <summary>How the projection daemon elects its leader and reads the log.</summary>
/// <param name="Holder">This process's name as a lease holder.</param>
/// <param name="LeaseDuration">How long leadership lasts without renewal.</param>
/// <param name="Subscription">How each projection reads the log.</param>
public sealed record ProjectionDaemonOptions(string Holder, TimeSpan LeaseDuration, LogSubscriptionOptions Subscription)
{
    /// <summary>Defaults: this machine and process as holder, a 15 s lease, default reading.</summary>
    public ProjectionDaemonOptions()
        : this($"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}", TimeSpan.FromSeconds(15), new LogSubscriptionOptions())
    {
    }
}
