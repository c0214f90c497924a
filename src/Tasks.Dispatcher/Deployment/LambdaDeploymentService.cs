using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Subscriptions;

namespace Tasks.Dispatcher.Deployment;

/// <summary>
/// Runs the <see cref="FunctionDeploymentFollower"/> in exactly one process of any number: the one holding a session
/// advisory lock on a connection it keeps open. The lock is held outside any transaction (a transaction held open
/// during minutes of Lambda calls would hold back every log reader of the cluster), it cannot expire while its holder
/// lives, and it is released when the holder's connection ends. Others try again every
/// <see cref="LambdaDeploymentOptions.LeaderCheckInterval"/>. The follower's checkpoint guard
/// (<c>log_checkpoint_advance</c>) remains the last word should two ever overlap.
/// </summary>
public sealed class LambdaDeploymentService(
    EventStore.EventStore store,
    FunctionDeploymentFollower follower,
    LambdaDeploymentOptions options,
    ILogger<LambdaDeploymentService> logger) : BackgroundService
{
    // An arbitrary constant naming "Lambda deployment" among the application's advisory locks (the migrator's is …_01).
    private const long LockKey = 0x7461736b73_07;

    private const string TryLock = "SELECT pg_try_advisory_lock($1)";
    private const string Unlock = "SELECT pg_advisory_unlock($1)";
    private const string StillConnected = "SELECT 1";

    /// <summary>Whether this process deploys now.</summary>
    public bool IsLeader { get; private set; }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!follower.CanDeploy)
        {
            logger.LogWarning("{Message} Their deployments are recorded as failed in function_deployments.", FunctionDeploymentFollower.MissingRoleMessage);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await store.DataSource.OpenConnectionAsync(stoppingToken);
                if (await LockAsync(connection, TryLock, stoppingToken))
                {
                    try
                    {
                        await LeadAsync(connection, stoppingToken);
                    }
                    finally
                    {
                        IsLeader = false;
                        await ReleaseAsync(connection);
                    }
                }
                else
                {
                    await Task.Delay(options.LeaderCheckInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The database went away, or a bug: start again from the checkpoint, never skipping an event.
                logger.LogWarning(e, "Lambda deployment stopped; trying again");
                try
                {
                    await Task.Delay(options.LeaderCheckInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        IsLeader = true;
        logger.LogInformation("this process deploys functions to Lambda");
        using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var subscription = new LogSubscription(store, follower, logger, options.Subscription);
        var run = subscription.RunAsync(leading.Token);
        try
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(options.LeaderCheckInterval, stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();

                // The lock lives as long as this connection: if it broke, another process may lead now.
                await using var check = new NpgsqlCommand(StillConnected, connection);
                await check.ExecuteScalarAsync(stoppingToken);
            }
        }
        finally
        {
            await leading.CancelAsync();
            try
            {
                await run;
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
            }
        }
    }

    private static async Task<bool> LockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    private async Task ReleaseAsync(NpgsqlConnection connection)
    {
        try
        {
            // Pooled connections outlive this use; the lock must not.
            await LockAsync(connection, Unlock, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection has taken the lock with it.
            logger.LogInformation(e, "could not release the Lambda deployment lock; its connection is gone");
        }
    }
}
