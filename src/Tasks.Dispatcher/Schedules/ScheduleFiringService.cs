using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Notifications;

namespace Tasks.Dispatcher.Schedules;

/// <summary>
/// Runs <see cref="ScheduleFiring"/> continuously: fires what is due, then sleeps until the earliest next slot, at most
/// <see cref="DefaultMaxSleep"/>, waking early on a commit (this process's, or another's through NOTIFY) so that a
/// schedule created meanwhile is noticed. Any number of these may run against one database.
/// </summary>
/// <param name="firing">Fires due slots.</param>
/// <param name="signal">Commits of this process and, through NOTIFY, of others.</param>
/// <param name="clock">The time.</param>
/// <param name="logger">Told of database failures.</param>
/// <param name="maxSleep">The longest sleep between two rounds (<see cref="DefaultMaxSleep"/> unless given).</param>
public sealed class ScheduleFiringService(ScheduleFiring firing, LogSignal signal, TimeProvider clock, ILogger<ScheduleFiringService> logger, TimeSpan? maxSleep = null) : BackgroundService
{
    /// <summary>The longest sleep between two rounds: the polling backstop for lost notifications.</summary>
    public static readonly TimeSpan DefaultMaxSleep = TimeSpan.FromSeconds(1);

    private readonly TimeSpan sleepAtMost = maxSleep ?? DefaultMaxSleep;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var waiter = signal.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await firing.FireDueAsync(clock.GetUtcNow(), stoppingToken);
                var wait = sleepAtMost;
                if (await firing.NextDueAsync(stoppingToken) is { } due)
                {
                    var untilDue = due - clock.GetUtcNow();
                    if (untilDue < wait)
                    {
                        wait = untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero;
                    }
                }

                if (wait > TimeSpan.Zero)
                {
                    await waiter.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Firing schedules failed; retrying in a second.");
                await Task.Delay(DefaultMaxSleep, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
