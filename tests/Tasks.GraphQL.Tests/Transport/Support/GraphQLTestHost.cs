using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport;

namespace Tasks.GraphQL.Tests.Transport.Support;

/// <summary>An in-memory server with the fake engine mapped at <c>/graphql</c>.</summary>
internal sealed class GraphQLTestHost : IAsyncDisposable
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    private readonly WebApplication app;

    private GraphQLTestHost(WebApplication app, FakeRequestExecutor executor, CapturingLoggerProvider logs)
    {
        this.app = app;
        Executor = executor;
        Logs = logs;
        Server = app.GetTestServer();
        Client = Server.CreateClient();
    }

    public FakeRequestExecutor Executor { get; }

    public CapturingLoggerProvider Logs { get; }

    public TestServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<GraphQLTestHost> StartAsync(
        Action<GraphQLHttpOptions>? configure = null, Action<WebApplication>? beforeEndpoint = null)
    {
        var executor = new FakeRequestExecutor();
        var logs = new CapturingLoggerProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<IRequestExecutor>(executor);
        var app = builder.Build();
        app.UseWebSockets();
        beforeEndpoint?.Invoke(app);
        app.MapGraphQL("/graphql", configure);
        await app.StartAsync();
        return new GraphQLTestHost(app, executor, logs);
    }

    /// <summary>Stops the host without waiting, for tests that watch what a shutdown does to open connections.</summary>
    public Task StopAsync() => app.StopAsync();

    public Task<HttpResponseMessage> PostAsync(string body, string? accept = null, string? contentType = "application/json") =>
        SendAsync(HttpMethod.Post, "/graphql", body, accept, contentType);

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accept = null) =>
        SendAsync(HttpMethod.Get, pathAndQuery, body: null, accept, contentType: null);

    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, string? body, string? accept, string? contentType, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return await Client.SendAsync(request, completion);
    }

    public static string Query(string query) => JsonSerializer.Serialize(new { query });

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> ReadSingleErrorAsync(HttpResponseMessage response)
    {
        var body = await ReadJsonAsync(response);
        Assert.False(body.TryGetProperty("data", out _), "a refused request has no data entry");
        return Assert.Single(body.GetProperty("errors").EnumerateArray().ToArray());
    }

    public static string? ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
