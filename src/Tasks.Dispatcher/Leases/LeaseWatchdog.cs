using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Running;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;

namespace Tasks.Dispatcher.Leases;

/// <summary>
/// Fails every task whose lease expired before its run reported (error type <c>zombieTaskCleaned</c>), whatever
/// happened to the dispatcher that started it; the function's retry policy applies as to any failure. Any number of
/// watchdogs may run: each failure is one expected-version append, so a task is cleaned once.
/// </summary>
public sealed class LeaseWatchdog(
    NpgsqlDataSource dataSource,
    OutcomeRecorder recorder,
    FunctionDefinitions functions,
    DispatcherOptions options,
    TimeProvider clock,
    ILogger<LeaseWatchdog> logger) : BackgroundService
{
    private const string Expired = """
        SELECT id, function_name FROM tasks
        WHERE status = 'inProgress' AND lease_expires_at < $1
        ORDER BY lease_expires_at
        LIMIT 100
        """;

    /// <summary>Fails the tasks whose lease expired by now; returns how many it failed.</summary>
    public async Task<int> CleanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = new List<(Guid Id, string Function)>();
        await using (var command = dataSource.CreateCommand(Expired))
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add((reader.GetGuid(0), reader.GetString(1)));
            }
        }

        if (expired.Count == 0)
        {
            return 0;
        }

        var definitions = await functions.FindManyAsync([.. expired.Select(e => e.Function)], cancellationToken);
        var cleaned = 0;
        foreach (var (id, function) in expired)
        {
            var error = new TaskError(TaskError.ZombieTaskCleanedType, "ZombieTaskCleaned", "The task's run did not report before its lease expired.");
            if (await recorder.FailAsync(id, error, definitions.GetValueOrDefault(function)?.RetryPolicy ?? RetryPolicy.Disabled, cancellationToken))
            {
                cleaned++;
            }
        }

        logger.LogInformation("Failed {Count} tasks whose lease expired.", cleaned);
        return cleaned;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanAsync(stoppingToken);
                await Task.Delay(options.WatchdogInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "The lease watchdog failed; retrying.");
                await Task.Delay(options.WatchdogInterval, stoppingToken);
            }
        }
    }
}
