using Npgsql;
using Tasks.Projections.Daemon;
using Tasks.Projections.Hosting;

namespace Tasks.Api.Health;

/// <summary>Liveness, readiness and projection lag, for orchestrators and operators.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c> and <c>/health/projections</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process answers. Restarting it would not help a database outage, so no database check here.
        endpoints.MapGet("/health/live", () => Results.Json(new HealthReport("live", null)));

        endpoints.MapGet("/health/ready", async (SchemaReadiness schema, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        {
            if (!schema.IsMigrated)
            {
                return Results.Json(new HealthReport("not ready", "schema migrations have not been applied yet"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            try
            {
                await using var ping = dataSource.CreateCommand("SELECT 1");
                await ping.ExecuteScalarAsync(cancellationToken);
                return Results.Json(new HealthReport("ready", null));
            }
            catch (NpgsqlException e)
            {
                return Results.Json(new HealthReport("not ready", $"database unreachable: {e.Message}"), statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        endpoints.MapGet("/health/projections", async (ProjectionDaemon daemon, CancellationToken cancellationToken) =>
        {
            var statuses = await daemon.StatusAsync(cancellationToken);
            return Results.Json(new
            {
                leader = daemon.IsLeader,
                projections = statuses.Select(s => new
                {
                    name = s.Name,
                    checkpoint = s.Checkpoint.ToString(),
                    readableHead = s.ReadableHead.ToString(),
                    eventsBehind = s.EventsBehind,
                    lastProcessedAt = s.LastProcessedAt,
                }),
            });
        });
        return endpoints;
    }

    private sealed record HealthReport(string Status, string? Reason);
}
