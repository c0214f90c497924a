using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.Api.Authentication;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests.Support;

/// <summary>The service on a fresh database behind the in-memory test server, with tokens signed by a test key.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-for-hs256";

    private WebApplicationFactory<Program>? factory;

    public WebApplicationFactory<Program> Factory => factory ?? throw new InvalidOperationException("The host has not started.");

    public AuthOptions Auth { get; } = new() { SigningKey = SigningKey };

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        ConnectionString = await server.CreateDatabaseAsync("api");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", ConnectionString);
            host.UseSetting("Auth:SigningKey", SigningKey);
        });
        using var client = factory.CreateClient();
        for (var attempt = 0; ; attempt++)
        {
            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (ready.IsSuccessStatusCode)
            {
                return;
            }

            if (attempt > 200)
            {
                throw new InvalidOperationException("The service did not become ready.");
            }

            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }

    /// <summary>A token for <paramref name="user"/> with <paramref name="permissions"/>.</summary>
    public string Token(IEnumerable<string> permissions, string? user = "alice", string? application = null) =>
        DevelopmentTokens.Create(Auth, user, permissions, TimeSpan.FromHours(1), application);

    /// <summary>A token with every permission.</summary>
    public string AdminToken() => Token(Permissions.All, "admin");

    /// <summary>A client sending <paramref name="token"/> (none when null).</summary>
    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Posts one GraphQL request with <paramref name="token"/> and returns the whole response body.</summary>
    public async Task<GraphQLResponse> PostAsync(string? token, string query, object? variables = null)
    {
        using var client = Client(token);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>Posts with an admin token.</summary>
    public Task<GraphQLResponse> AdminAsync(string query, object? variables = null) => PostAsync(AdminToken(), query, variables);
}
