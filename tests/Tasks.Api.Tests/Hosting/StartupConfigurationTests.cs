using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests.Hosting;

/// <summary>Outside development the service must know how to check tokens before it serves anything.</summary>
public sealed class StartupConfigurationTests
{
    [Fact]
    public async Task Outside_development_the_service_refuses_to_start_without_a_signing_key_or_an_authority()
    {
        var error = await StartAsync("Production", []);

        Assert.NotNull(error);
        Assert.Contains("Auth:SigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:Authority", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_bytes_is_refused()
    {
        var error = await StartAsync("Production", [("Auth:SigningKey", "too-short")]);

        Assert.NotNull(error);
        Assert.Contains("too short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authority_without_an_audience_is_refused()
    {
        var error = await StartAsync("Production", [("Auth:Authority", "https://issuer.example")]);

        Assert.NotNull(error);
        Assert.Contains("Auth:Audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_and_an_authority_together_are_refused()
    {
        var error = await StartAsync("Production", [("Auth:SigningKey", new string('k', 40)), ("Auth:Authority", "https://issuer.example"), ("Auth:Audience", "tasks")]);

        Assert.NotNull(error);
        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_without_configuration_the_service_starts_with_an_ephemeral_key()
    {
        var error = await StartAsync("Development", []);

        Assert.Null(error);
    }

    private static async Task<InvalidOperationException?> StartAsync(string environment, IReadOnlyList<(string Key, string Value)> settings)
    {
        var server = await PostgresServer.InstanceAsync();
        var connectionString = await server.CreateDatabaseAsync("startup");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.UseSetting("ConnectionStrings:Postgres", connectionString);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        try
        {
            using var client = factory.CreateClient();
            var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            Assert.True(live.IsSuccessStatusCode);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e;
        }
    }
}
