using System.Net;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class ContentNegotiationTests
{
    public static TheoryData<string?, string> AcceptableHeaders => new()
    {
        // No Accept header means application/graphql-response+json (GraphQL over HTTP, after the 2025 watershed).
        { null, GraphQLResponseJson },
        { "*/*", GraphQLResponseJson },
        { "application/*", GraphQLResponseJson },
        { "application/graphql-response+json", GraphQLResponseJson },
        { "application/json", Json },
        { "application/json; charset=utf-8", Json },
        { "application/graphql-response+json; charset=utf-8, application/json; charset=utf-8", GraphQLResponseJson },
        { "application/json, application/graphql-response+json", GraphQLResponseJson },
        { "application/graphql-response+json;q=0.5, application/json", Json },
        { "application/json;q=0.9, application/graphql-response+json;q=0.8", Json },
        { "text/plain, application/json;q=0.1", Json },
        { "application/json, */*", Json },
        { "application/json;q=0.5, */*", GraphQLResponseJson },
        { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", GraphQLResponseJson },
        { "application/graphql-response+json;q=0, application/json", Json },
        { "application/graphql-response+json; charset=iso-8859-1, application/json", Json },
        { "nonsense, application/json", Json },
        { "application/json;q=1.0;charset=\"utf-8\"", Json },
    };

    [Theory]
    [MemberData(nameof(AcceptableHeaders))]
    public async Task The_response_media_type_follows_the_Accept_header_and_its_q_values(string? accept, string expected)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ hello }"), accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{expected}; charset=utf-8", ContentType(response));
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("application/json;q=0")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("image/*")]
    [InlineData("*/*;q=0")]
    public async Task A_client_accepting_no_JSON_type_gets_406_Not_Acceptable(string accept)
    {
        await using var host = await StartAsync(options => options.EnableServerSentEvents = false);

        using var response = await host.PostAsync(Query("{ hello }"), accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", ContentType(response));
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("NOT_ACCEPTABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task A_GET_accepting_no_JSON_type_gets_406_Not_Acceptable()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync("/graphql?query=%7B%20hello%20%7D", accept: "application/xml");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    public static TheoryData<string, string?, HttpStatusCode, string> StatusCodes => new()
    {
        // A response with data is 200 whatever the media type, even when data is null after a field error.
        { "{ hello }", GraphQLResponseJson, HttpStatusCode.OK, GraphQLResponseJson },
        { "{ hello }", Json, HttpStatusCode.OK, Json },
        { "{ failing }", GraphQLResponseJson, HttpStatusCode.OK, GraphQLResponseJson },
        { "{ failing }", Json, HttpStatusCode.OK, Json },
        // Request errors (parse, validation, operation selection): 200 with application/json, 400 without data otherwise.
        { "{ bad", Json, HttpStatusCode.OK, Json },
        { "{ bad", GraphQLResponseJson, HttpStatusCode.BadRequest, GraphQLResponseJson },
        { "{ bad", null, HttpStatusCode.BadRequest, GraphQLResponseJson },
        { "{ unknownField }", Json, HttpStatusCode.OK, Json },
        { "{ unknownField }", GraphQLResponseJson, HttpStatusCode.BadRequest, GraphQLResponseJson },
        { "query A { hello } mutation B { m }", Json, HttpStatusCode.OK, Json },
        { "query A { hello } mutation B { m }", GraphQLResponseJson, HttpStatusCode.BadRequest, GraphQLResponseJson },
    };

    [Theory]
    [MemberData(nameof(StatusCodes))]
    public async Task The_status_code_depends_on_the_outcome_and_the_media_type(string query, string? accept, HttpStatusCode status, string mediaType)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query(query), accept);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal($"{mediaType}; charset=utf-8", ContentType(response));
        var body = await ReadJsonAsync(response);
        Assert.True(body.TryGetProperty("data", out _) || body.TryGetProperty("errors", out _), "the body is a GraphQL response");
    }

    [Fact]
    public async Task A_request_error_is_written_by_the_engine_without_a_data_entry()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ bad"), GraphQLResponseJson);

        var error = await ReadSingleErrorAsync(response);
        Assert.StartsWith("Syntax Error", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(6, error.GetProperty("locations")[0].GetProperty("column").GetInt32());
    }
}
