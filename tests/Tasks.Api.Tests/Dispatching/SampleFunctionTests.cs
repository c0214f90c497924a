using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.Api.Authentication;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests.Dispatching;

/// <summary>What `make run` offers a newcomer: the sample function, run on this machine by the local runtime.</summary>
public sealed class SampleFunctionTests
{
    private const string Key = "test-signing-key-that-is-long-enough-for-hs256";

    [Fact]
    public async Task The_sample_function_is_registered_on_first_start_and_greets_through_the_local_runtime()
    {
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("sample");
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", database);
            host.UseSetting("Auth:SigningKey", Key);
            host.UseSetting("Dispatcher:Runtime", "local");
            host.UseSetting("Dispatcher:PollInterval", "00:00:00.100");
            host.UseSetting("Samples:Register", "true");
        });
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevelopmentTokens.Create(new AuthOptions { SigningKey = Key }, "ada", Permissions.All, TimeSpan.FromHours(1)));

        JsonElement function = default;
        for (var i = 0; i < 100 && function.ValueKind != JsonValueKind.Object; i++)
        {
            function = (await PostAsync(client, "{ function(name: \"hello\") { name runtime code { sizeBytes } } }")).GetProperty("data").GetProperty("function");
            await Task.Delay(50);
        }

        var executed = await PostAsync(client, "mutation { executeFunction(input: { functionName: \"hello\", data: { name: \"Ada\" } }) { taskId result errors { code message } } }");

        Assert.Equal("nodejs22.x", function.GetProperty("runtime").GetString());
        Assert.True(function.GetProperty("code").GetProperty("sizeBytes").GetInt64() > 0);
        var payload = executed.GetProperty("data").GetProperty("executeFunction");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("Hello, Ada!", payload.GetProperty("result").GetProperty("greeting").GetString());
        var logs = await PostAsync(client, "query($id: UUID!) { task(id: $id) { status logs { message } } }", new { id = payload.GetProperty("taskId").GetString() });
        Assert.Equal("COMPLETE", logs.GetProperty("data").GetProperty("task").GetProperty("status").GetString());
        Assert.StartsWith("Greeting Ada", logs.GetProperty("data").GetProperty("task").GetProperty("logs")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out _), text);
        return body;
    }
}
