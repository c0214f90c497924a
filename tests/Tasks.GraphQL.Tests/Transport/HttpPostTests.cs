using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Tasks.GraphQL.Tests.Transport.Support;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class HttpPostTests
{
    [Fact]
    public async Task A_query_posted_as_JSON_is_answered_with_its_data()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ hello }"), accept: GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", ContentType(response));
        Assert.Equal("""{"data":{"hello":"world"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_mutation_may_be_posted()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("mutation { m }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"m":true}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_request_parameter_reaches_the_executor()
    {
        await using var host = await StartAsync();
        const string Body = """{"query":"{ echo }","operationName":"Echo","variables":{"id":7},"extensions":{"trace":true},"unknownKey":1}""";

        using var response = await host.PostAsync(Body);

        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal("Echo", echo.GetProperty("operationName").GetString());
        Assert.Equal("""{"id":7}""", echo.GetProperty("variables").GetRawText());
        Assert.Equal("""{"trace":true}""", echo.GetProperty("extensions").GetRawText());
    }

    [Fact]
    public async Task Null_optional_parameters_count_as_absent()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync("""{"query":"{ echo }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = (await ReadJsonAsync(response)).GetProperty("data").GetProperty("echo");
        Assert.Equal("null", echo.GetProperty("variables").GetRawText());
        Assert.Equal("null", echo.GetProperty("operationName").GetRawText());
    }

    [Fact]
    public async Task A_persisted_document_is_requested_by_documentId_alone()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync($$"""{"documentId":"{{FakeRequestExecutor.PersistedHelloId}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"hello":"world"}}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(FakeRequestExecutor.PersistedHelloId, Assert.Single(host.Executor.Prepared).Request.DocumentId);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("APPLICATION/JSON")]
    public async Task A_JSON_body_in_UTF_8_is_accepted_with_or_without_a_charset(string contentType)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ hello }"), contentType: contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "not supported")]
    [InlineData("application/graphql", "not supported")]
    [InlineData("application/x-www-form-urlencoded", "not supported")]
    [InlineData("multipart/form-data; boundary=x", "not supported")]
    [InlineData("application/json; charset=iso-8859-1", "UTF-8")]
    [InlineData(null, "Content-Type header")]
    public async Task A_body_that_is_not_JSON_in_UTF_8_is_415_Unsupported_Media_Type(string? contentType, string explanation)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ hello }"), contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Contains(explanation, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(host.Executor.Prepared);
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "NONSENSE", GraphQLResponseJson, "not valid JSON" },
        { "{\"query\":", Json, "not valid JSON" },
        { "", GraphQLResponseJson, "body is empty" },
        { "\"{ hello }\"", Json, "must be a JSON object" },
        { "42", GraphQLResponseJson, "must be a JSON object" },
        { "null", Json, "must be a JSON object" },
        { "{\"query\":5}", GraphQLResponseJson, "'query' parameter must be a string" },
        { "{\"query\":{\"text\":\"{ hello }\"}}", Json, "'query' parameter must be a string" },
        { "{\"qeury\":\"{ hello }\"}", GraphQLResponseJson, "'query' parameter is required" },
        { "{}", Json, "'query' parameter is required" },
        { "{\"query\":null}", GraphQLResponseJson, "'query' parameter is required" },
        { "{\"query\":\"{ hello }\",\"variables\":[7]}", Json, "'variables' parameter must be a JSON object" },
        { "{\"query\":\"{ hello }\",\"variables\":\"{}\"}", GraphQLResponseJson, "'variables' parameter must be a JSON object" },
        { "{\"query\":\"{ hello }\",\"extensions\":\"x\"}", Json, "'extensions' parameter must be a JSON object" },
        { "{\"query\":\"{ hello }\",\"extensions\":[]}", GraphQLResponseJson, "'extensions' parameter must be a JSON object" },
        { "{\"query\":\"{ hello }\",\"operationName\":5}", Json, "'operationName' parameter must be a string" },
        { "{\"query\":\"{ hello }\",\"operationName\":[\"A\"]}", GraphQLResponseJson, "'operationName' parameter must be a string" },
        { "{\"documentId\":42}", Json, "'documentId' parameter must be a string" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_is_400_with_a_message_saying_what_is_wrong_whatever_the_Accept(string body, string accept, string explanation)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(body, accept);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{accept}; charset=utf-8", ContentType(response));
        var error = await ReadSingleErrorAsync(response);
        Assert.Contains(explanation, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_Payload_Too_Large()
    {
        await using var host = await StartAsync(options => options.MaxRequestBytes = 64);
        var body = Query("{ hello }" + new string(' ', 100));

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("PAYLOAD_TOO_LARGE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("64 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streamed_body_without_Content_Length_is_cut_off_at_the_limit_with_413()
    {
        await using var host = await StartAsync(options => options.MaxRequestBytes = 64);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(Query("{ hello }" + new string(' ', 100))))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentLength = null;

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_exactly_at_the_limit_is_accepted()
    {
        var body = Query("{ hello }");
        await using var host = await StartAsync(options => options.MaxRequestBytes = Encoding.UTF8.GetByteCount(body));

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_subscription_posted_without_accepting_an_event_stream_is_400_pointing_at_the_streaming_transports()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("subscription { ticks }"), accept: Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("STREAMING_TRANSPORT_REQUIRED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("text/event-stream", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("graphql-transport-ws", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
