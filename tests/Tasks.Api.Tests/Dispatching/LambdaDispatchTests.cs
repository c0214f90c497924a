using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Tasks.Api.Authentication;
using Tasks.TestSupport.Lambda;
using Tasks.TestSupport.Postgres;

namespace Tasks.Api.Tests.Dispatching;

/// <summary>The service with a dispatcher on the Lambda runtime, against a Lambda-compatible endpoint that checks every signature.</summary>
public sealed class LambdaDispatchTests : IAsyncLifetime
{
    private const string Key = "test-signing-key-that-is-long-enough-for-hs256";
    private const string Role = "arn:aws:iam::123456789012:role/tasks-functions";
    private FakeLambdaServer lambda = null!;
    private WebApplicationFactory<Program> factory = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        lambda = await FakeLambdaServer.StartAsync();
        var database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("lambda");
        var fake = new FakeLambdaServerOptions();
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", database);
            host.UseSetting("Auth:SigningKey", Key);
            host.UseSetting("Dispatcher:Runtime", "lambda");
            host.UseSetting("Dispatcher:PollInterval", "00:00:00.100");
            host.UseSetting("Dispatcher:Lambda:Endpoint", lambda.Endpoint.ToString());
            host.UseSetting("Dispatcher:Lambda:Region", fake.Region);
            host.UseSetting("Dispatcher:Lambda:AccessKeyId", fake.AccessKeyId);
            host.UseSetting("Dispatcher:Lambda:SecretAccessKey", fake.SecretAccessKey);
            host.UseSetting("Dispatcher:Lambda:ExecutionRoleArn", Role);
            host.UseSetting("Dispatcher:Lambda:DeployPollInterval", "00:00:00.050");
        });
        client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevelopmentTokens.Create(new AuthOptions { SigningKey = Key }, "alice", Permissions.All, TimeSpan.FromHours(1)));
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await factory.DisposeAsync();
        await lambda.DisposeAsync();
    }

    [Fact]
    public async Task A_task_runs_on_lambda_and_completes_with_the_functions_result()
    {
        lambda.AddFunction("greeter").Returns("{\"greeting\":\"hello\"}");
        await PostAsync("mutation { createFunction(input: { name: \"greeter\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { errors { code } } }");

        var created = await PostAsync("mutation { createTask(input: { functionName: \"greeter\", data: { who: \"world\" } }) { task { id } } }");
        var id = created.GetProperty("data").GetProperty("createTask").GetProperty("task").GetProperty("id").GetString();

        var status = "";
        for (var i = 0; i < 100 && status != "COMPLETE"; i++)
        {
            await Task.Delay(100);
            var read = await PostAsync("query($id: UUID!) { task(id: $id) { status } }", new { id });
            status = read.GetProperty("data").GetProperty("task").GetProperty("status").GetString()!;
        }

        Assert.Equal("COMPLETE", status);
        var invocation = Assert.Single(lambda.Requests, r => r.Path.Contains("/functions/greeter/invocations", StringComparison.Ordinal));
        Assert.True(invocation.SignatureValid);
        using var sent = JsonDocument.Parse(invocation.Body);
        Assert.Equal("world", sent.RootElement.GetProperty("data").GetProperty("who").GetString());
        Assert.Equal(id, sent.RootElement.GetProperty("task").GetProperty("id").GetString());
    }

    [Fact]
    public async Task ExecuteFunction_waits_for_the_run_and_returns_its_result()
    {
        lambda.AddFunction("adder").Returns("{\"sum\":5}");
        await PostAsync("mutation { createFunction(input: { name: \"adder\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\", timeLimit: 10 }) { errors { code } } }");

        var response = await PostAsync("mutation { executeFunction(input: { functionName: \"adder\", data: { a: 2, b: 3 } }) { taskId result error { type } errors { code message } } }");

        var payload = response.GetProperty("data").GetProperty("executeFunction");
        Assert.Empty(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal(5, payload.GetProperty("result").GetProperty("sum").GetInt32());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task ExecuteFunction_reports_the_functions_error()
    {
        lambda.AddFunction("breaker").FailsWith("ValueError", "bad input");
        await PostAsync("mutation { createFunction(input: { name: \"breaker\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\", timeLimit: 10 }) { errors { code } } }");

        var response = await PostAsync("mutation { executeFunction(input: { functionName: \"breaker\" }) { result error { type message } errors { code } } }");

        var payload = response.GetProperty("data").GetProperty("executeFunction");
        Assert.Equal("ValueError", payload.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal("bad input", payload.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_function_created_with_code_is_deployed_to_lambda_and_its_tasks_run_there()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3];
        var created = await PostAsync(
            "mutation($code: String!) { createFunction(input: { name: \"packaged\", entryPoint: \"main.handler\", runtime: \"python3.12\", memoryLimit: 256, timeLimit: 10, code: $code }) { errors { code message } } }",
            new { code = Convert.ToBase64String(zip) });
        Assert.Empty(created.GetProperty("data").GetProperty("createFunction").GetProperty("errors").EnumerateArray());

        FakeLambdaFunction? deployed = null;
        for (var i = 0; i < 300 && deployed is null; i++)
        {
            await Task.Delay(100);
            deployed = lambda.FindFunction("packaged");
        }

        Assert.NotNull(deployed);
        Assert.Equal(zip, deployed.Code);
        Assert.Equal(("python3.12", "main.handler", 256, Role), (deployed.Runtime, deployed.Handler, deployed.MemorySize, deployed.Role));
        deployed.Returns("{\"ok\":true}");
        var response = await PostAsync("mutation { executeFunction(input: { functionName: \"packaged\" }) { result errors { code } } }");
        Assert.True(response.GetProperty("data").GetProperty("executeFunction").GetProperty("result").GetProperty("ok").GetBoolean());
    }

    private async Task<JsonElement> PostAsync(string query, object? variables = null)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonDocument.Parse(text).RootElement.Clone();
        Assert.False(body.TryGetProperty("errors", out _), text);
        return body;
    }
}
