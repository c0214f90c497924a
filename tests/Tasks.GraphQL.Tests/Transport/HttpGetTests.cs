using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Transport.Support;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class HttpGetTests
{
    private static string Get(string query, string? extra = null) =>
        $"/graphql?query={Uri.EscapeDataString(query)}{extra}";

    [Fact]
    public async Task A_query_may_be_sent_in_the_query_string()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get("{ hello }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", ContentType(response));
        Assert.Equal("""{"data":{"hello":"world"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Variables_and_extensions_are_JSON_encoded_parameters()
    {
        await using var host = await StartAsync();
        var url = Get("{ echo }", $"&operationName=Echo&variables={Uri.EscapeDataString("""{"id":"QVBJcy5ndXJ1"}""")}&extensions={Uri.EscapeDataString("""{"x":1}""")}");

        using var response = await host.GetAsync(url, accept: Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal("Echo", echo.GetProperty("operationName").GetString());
        Assert.Equal("""{"id":"QVBJcy5ndXJ1"}""", echo.GetProperty("variables").GetRawText());
        Assert.Equal("""{"x":1}""", echo.GetProperty("extensions").GetRawText());
    }

    [Fact]
    public async Task An_empty_operationName_means_none()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get("{ echo }", "&operationName="));

        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, echo.GetProperty("operationName").ValueKind);
    }

    [Fact]
    public async Task A_persisted_document_may_be_requested_by_documentId()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync($"/graphql?documentId={Uri.EscapeDataString(FakeRequestExecutor.PersistedHelloId)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"world"}}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("mutation { m }", null)]
    [InlineData("query A { hello } mutation B { m }", "B")]
    public async Task A_mutation_over_GET_is_405_with_an_Allow_header(string query, string? operationName)
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get(query, operationName is null ? null : $"&operationName={operationName}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("POST", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operationName_decides_whether_a_GET_runs_a_query()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get("query A { hello } mutation B { m }", "&operationName=A"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_even_when_an_event_stream_is_accepted()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get("mutation { m }"), accept: "text/event-stream");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_subscription_over_GET_without_an_event_stream_is_400_because_only_streaming_transports_carry_it()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(Get("subscription { ticks }"), accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("STREAMING_TRANSPORT_REQUIRED", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_request_error_over_GET_follows_the_same_status_rules_as_POST()
    {
        await using var host = await StartAsync();

        using var asJson = await host.GetAsync(Get("{ bad"), accept: Json);
        using var asGraphQLResponse = await host.GetAsync(Get("{ bad"), accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, asJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, asGraphQLResponse.StatusCode);
    }

    [Theory]
    [InlineData("/graphql", "'query' parameter is required")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&query=%7B%20hello%20%7D", "'query' parameter must be given at most once")]
    [InlineData("/graphql?query=%7B%20echo%20%7D&variables=%5B7%5D", "'variables' parameter must be a JSON-encoded object")]
    [InlineData("/graphql?query=%7B%20echo%20%7D&variables=nonsense", "'variables' parameter must be a JSON-encoded object")]
    [InlineData("/graphql?query=%7B%20echo%20%7D&extensions=%22x%22", "'extensions' parameter must be a JSON-encoded object")]
    [InlineData("/graphql?query=%7B%20echo%20%7D&operationName=A&operationName=B", "'operationName' parameter must be given at most once")]
    public async Task A_malformed_query_string_is_400_with_a_message_saying_what_is_wrong(string url, string explanation)
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync(url, accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Contains(explanation, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task GET_can_be_turned_off_leaving_POST_as_the_only_method()
    {
        await using var host = await StartAsync(options => options.EnableGetForQueries = false);

        using var response = await host.GetAsync(Get("{ hello }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_browser_opening_the_endpoint_gets_the_IDE_page_the_host_serves()
    {
        await using var host = await StartAsync(options => options.ServeIdePage = context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("<html>IDE</html>");
        });

        using var response = await host.GetAsync("/graphql", accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<html>IDE</html>", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task Without_an_IDE_a_browser_opening_the_endpoint_gets_404()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/graphql", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_browser_following_a_link_with_a_query_gets_the_result_not_the_IDE()
    {
        await using var host = await StartAsync(options => options.ServeIdePage = context => context.Response.WriteAsync("IDE"));

        using var response = await host.GetAsync(Get("{ hello }"), accept: "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"world"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task By_default_resolvers_see_the_requests_user_and_services()
    {
        await using var host = await StartAsync(beforeEndpoint: app => app.Use((context, next) =>
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "grace")], "test"));
            return next(context);
        }));

        using var response = await host.GetAsync(Get("{ echo }"));

        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal("grace", echo.GetProperty("user").GetString());
        Assert.NotNull(Assert.Single(host.Executor.Prepared).Context.Services);
    }

    [Fact]
    public async Task The_host_can_build_the_request_context_itself()
    {
        await using var host = await StartAsync(options => options.RequestContextFactory = context => new RequestContext(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test")),
            context.RequestServices,
            new Dictionary<string, object?> { ["tenant"] = "acme" }));

        using var response = await host.GetAsync(Get("{ echo }"));

        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal("ada", echo.GetProperty("user").GetString());
        Assert.Equal("acme", echo.GetProperty("tenant").GetString());
    }
}
