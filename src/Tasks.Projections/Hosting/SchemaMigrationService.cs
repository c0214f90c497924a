using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.EventStore.Migrations;

namespace Tasks.Projections.Hosting;

/// <summary>
/// Applies the schema at start-up, before anything else runs. If the database is not there yet it
/// keeps trying (the host reports not ready meanwhile) rather than crashing in a loop. Every host
/// (the API and standalone workers) runs it: the migrator's advisory lock lets one process apply
/// the migrations while the others wait and then find nothing left to do.
/// </summary>
public sealed class SchemaMigrationService(NpgsqlDataSource dataSource, SchemaReadiness readiness, ILogger<SchemaMigrationService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var applied = await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations, cancellationToken);
                foreach (var migration in applied)
                {
                    logger.LogInformation("applied migration {Module} {Version:000}_{Name}", migration.Module, migration.Version, migration.Name);
                }

                readiness.MarkMigrated();
                return;
            }
            catch (NpgsqlException e) when (e is not PostgresException && attempt < 30)
            {
                logger.LogWarning(e, "database not reachable (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
