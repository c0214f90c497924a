using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tasks.EventStore.Notifications;

/// <summary>
/// Carries "the log has new events" between processes with PostgreSQL's NOTIFY and LISTEN.
/// Commits in this process are coalesced into at most one NOTIFY in flight, sent after commit
/// rather than inside every writing transaction (where it would serialize commits), and at most one
/// per <see cref="MinInterval"/>: under load a NOTIFY per commit would cost the server a transaction
/// per commit and wake every listener as often. The first commit after a quiet spell is sent at once.
/// </summary>
public sealed class LogNotifications(NpgsqlDataSource dataSource, LogSignal signal, ILogger<LogNotifications> logger) : BackgroundService
{
    /// <summary>The channel name.</summary>
    public const string Channel = "tasks_log";

    /// <summary>The shortest time between two notifications: the most a busy writer delays other processes' readers.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(5);

    private readonly SemaphoreSlim committed = new(0, 1);

    // Sent as the payload, so that this process's listener can skip its own notifications: local readers were woken at commit.
    private readonly string origin = Guid.NewGuid().ToString("N");

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        signal.Committed += OnCommitted;
        try
        {
            await Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            signal.Committed -= OnCommitted;
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        committed.Dispose();
        base.Dispose();
    }

    private void OnCommitted()
    {
        try
        {
            committed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A NOTIFY is already due: this commit rides on it.
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await committed.WaitAsync(stoppingToken);
            try
            {
                await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)");
                notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = origin });
                await notify.ExecuteNonQueryAsync(stoppingToken);
                await Task.Delay(MinInterval, stoppingToken);
            }
            catch (NpgsqlException e)
            {
                // Other processes fall back to polling until the database answers again.
                logger.LogWarning(e, "could not send the log notification");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (e.Payload != origin)
                    {
                        signal.Wake();
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while we were not listening is found by the readers' next poll.
                signal.Wake();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "lost the log notification listener; readers poll until it is back");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
