using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Migrations;

namespace Tasks.Dispatcher.Hosting;

/// <summary>
/// The standalone worker (<c>dotnet Tasks.Dispatcher.dll</c>, <c>make worker</c>): a generic host that runs a dispatcher,
/// its lease watchdog and schedule firing against <c>ConnectionStrings:Postgres</c>. Any number of workers (and API
/// processes with a dispatcher) may share one database. SIGTERM or Ctrl+C stops claiming and lets running tasks finish
/// within <c>Dispatcher:ShutdownGrace</c>.
/// </summary>
/// <remarks>An explicit class, not top-level statements: Tasks.Api references this assembly and has its own global <c>Program</c>.</remarks>
public static class WorkerProgram
{
    /// <summary>The exit code when configuration is missing or wrong.</summary>
    public const int ConfigurationError = 2;

    /// <summary>The exit code when the host failed to start (the database refused it, a migration is inconsistent, Lambda is misconfigured).</summary>
    public const int StartFailed = 1;

    /// <summary>Runs the worker until it is told to stop.</summary>
    /// <returns>0 after a normal shutdown; <see cref="ConfigurationError"/> or <see cref="StartFailed"/> otherwise.</returns>
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        DispatcherOptions options;
        try
        {
            options = builder.Services.AddTaskWorker(builder.Configuration);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"The worker cannot start: {e.Message}");
            return ConfigurationError;
        }

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tasks.Dispatcher.Worker");
        logger.LogInformation(
            "Worker starting: runtime {Runtime}; up to {MaxInFlight} tasks in flight here, {GlobalConcurrency} across all dispatchers, claims of {ClaimBatch}; {Database}",
            options.Runtime,
            options.MaxInFlight,
            options.GlobalConcurrency,
            options.ClaimBatch,
            DescribeDatabase(host.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString));
        try
        {
            await host.StartAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped (SIGTERM) while still starting, e.g. waiting for the database.
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or MigrationException or InvalidOperationException or FormatException)
        {
            // The host has logged the exception with its stack already.
            logger.LogCritical("The worker could not start: {Reason}", e.Message);
            return StartFailed;
        }

        logger.LogInformation("Worker started: dispatching (SIGTERM or Ctrl+C stops it, giving running tasks {ShutdownGrace}).", options.ShutdownGrace);
        await host.WaitForShutdownAsync();
        logger.LogInformation("Worker stopped.");
        return 0;
    }

    // Where, never how: the password stays out of the logs.
    private static string DescribeDatabase(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"database {settings.Database} on {settings.Host}:{settings.Port} as {settings.Username}";
    }
}
