using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task The_service_is_live_and_ready_once_the_schema_is_applied()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:Postgres", server.CreateDatabaseAsync("api").GetAwaiter().GetResult()));
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Projection_lag_is_reported_per_projection()
    {
        var server = await PostgresServer.InstanceAsync();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            host.UseSetting("ConnectionStrings:Postgres", server.CreateDatabaseAsync("api").GetAwaiter().GetResult()));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/projections", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var projection = Assert.Single(body.RootElement.GetProperty("projections").EnumerateArray());
        Assert.Equal("task-activity", projection.GetProperty("name").GetString());
        Assert.Equal(0, projection.GetProperty("eventsBehind").GetInt64());
    }

    [Fact]
    public async Task Without_a_database_connection_string_the_service_refuses_to_start_with_a_clear_error()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host.UseSetting("ConnectionStrings:Postgres", ""));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("ConnectionStrings__Postgres", error.Message, StringComparison.Ordinal);
    }
}
