using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.Api.Authentication;
using Tasks.TestSupport.Lambda;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests.Dispatching;

/// <summary>An API process without a dispatcher of its own, beside another process that dispatches (a worker).</summary>
public sealed class WorkerExecutionTests : IAsyncLifetime
{
    private const string Key = "test-signing-key-that-is-long-enough-for-hs256";
    private FakeLambdaServer lambda = null!;
    private string database = null!;
    private WebApplicationFactory<Program> worker = null!;

    public async Task InitializeAsync()
    {
        lambda = await FakeLambdaServer.StartAsync();
        database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("workers");
        var fake = new FakeLambdaServerOptions();
        worker = Host(new Dictionary<string, string>
        {
            ["Dispatcher:Runtime"] = "lambda",
            ["Dispatcher:PollInterval"] = "00:00:00.100",
            ["Dispatcher:Lambda:Endpoint"] = lambda.Endpoint.ToString(),
            ["Dispatcher:Lambda:Region"] = fake.Region,
            ["Dispatcher:Lambda:AccessKeyId"] = fake.AccessKeyId,
            ["Dispatcher:Lambda:SecretAccessKey"] = fake.SecretAccessKey,
        });
        // Started first, so that the schema exists before the API process starts.
        worker.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await worker.DisposeAsync();
        await lambda.DisposeAsync();
    }

    [Fact]
    public async Task ExecuteFunction_through_workers_returns_the_result_of_a_run_another_process_dispatched()
    {
        lambda.AddFunction("adder").Returns("{\"sum\":5}");
        await using var api = Host(new Dictionary<string, string> { ["Api:ExecuteFunctionThroughWorkers"] = "true" });
        using var client = Client(api);
        await PostAsync(client, "mutation { createFunction(input: { name: \"adder\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { errors { code } } }");

        var executed = await PostAsync(client, "mutation { executeFunction(input: { functionName: \"adder\", data: { a: 2, b: 3 } }) { result errors { code message } } }");

        var payload = executed.GetProperty("data").GetProperty("executeFunction");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, payload.GetProperty("result").GetProperty("sum").GetInt32());
        Assert.Single(lambda.Requests, r => r.Path.Contains("/functions/adder/invocations", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecuteFunction_without_a_dispatcher_or_workers_is_unavailable()
    {
        await using var api = Host(new Dictionary<string, string>());
        using var client = Client(api);
        await PostAsync(client, "mutation { createFunction(input: { name: \"adder\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { errors { code } } }");

        var executed = await PostAsync(client, "mutation { executeFunction(input: { functionName: \"adder\", data: { a: 2, b: 3 } }) { result errors { code } } }");

        var error = Assert.Single(executed.GetProperty("data").GetProperty("executeFunction").GetProperty("errors").EnumerateArray());
        Assert.Equal("UNAVAILABLE", error.GetProperty("code").GetString());
    }

    private WebApplicationFactory<Program> Host(Dictionary<string, string> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", database);
            host.UseSetting("Auth:SigningKey", Key);
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });

    private static HttpClient Client(WebApplicationFactory<Program> host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevelopmentTokens.Create(new AuthOptions { SigningKey = Key }, "alice", Permissions.All, TimeSpan.FromHours(1)));
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
