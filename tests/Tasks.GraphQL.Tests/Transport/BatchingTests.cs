using System.Net;
using System.Text.Json;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class BatchingTests
{
    [Fact]
    public async Task Batching_is_off_by_default_and_an_array_body_is_400_saying_so()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync("""[{"query":"{ hello }"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Contains("Batching", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task A_batch_is_answered_with_an_array_of_responses_in_request_order()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);
        const string Body = """[{"query":"{ hello }"},{"query":"mutation { m }"},{"query":"{ bad"},{"query":"{ failing }"}]""";

        using var response = await host.PostAsync(Body, GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", ContentType(response));
        var results = (await ReadJsonAsync(response)).EnumerateArray().ToArray();
        Assert.Equal(4, results.Length);
        Assert.Equal("world", results[0].GetProperty("data").GetProperty("hello").GetString());
        Assert.True(results[1].GetProperty("data").GetProperty("m").GetBoolean());
        Assert.False(results[2].TryGetProperty("data", out _));
        Assert.StartsWith("Syntax Error", results[2].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, results[3].GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task A_malformed_entry_gets_an_error_response_of_its_own_and_the_others_still_run()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);

        using var response = await host.PostAsync("""[{"query":5},{"query":"{ hello }"},{"invalid":"request"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = (await ReadJsonAsync(response)).EnumerateArray().ToArray();
        Assert.Equal("BAD_REQUEST", results[0].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'query'", results[0].GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("world", results[1].GetProperty("data").GetProperty("hello").GetString());
        Assert.Equal("BAD_REQUEST", results[2].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_subscription_cannot_be_part_of_a_batch()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);

        using var response = await host.PostAsync("""[{"query":"subscription { ticks }"}]""");

        var result = Assert.Single((await ReadJsonAsync(response)).EnumerateArray().ToArray());
        Assert.Equal("STREAMING_TRANSPORT_REQUIRED", result.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_entry_whose_execution_fails_gets_a_generic_error_and_the_others_still_answer()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);

        using var response = await host.PostAsync("""[{"query":"{ boom }"},{"query":"{ hello }"}]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        var results = JsonDocument.Parse(text).RootElement.EnumerateArray().ToArray();
        Assert.Equal("INTERNAL_SERVER_ERROR", results[0].GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("world", results[1].GetProperty("data").GetProperty("hello").GetString());
    }

    [Theory]
    [InlineData("""[]""", "empty")]
    [InlineData("""[{"query":"{ hello }"},"{ hello }"]""", "Entry 1 of the batch is not a JSON object")]
    [InlineData("""[{"query":"{ hello }"},{"query":"{ hello }"},{"query":"{ hello }"}]""", "at most 2")]
    public async Task A_batch_that_is_not_an_array_of_request_objects_within_the_limit_is_400(string body, string explanation)
    {
        await using var host = await StartAsync(options =>
        {
            options.EnableBatching = true;
            options.MaxBatchSize = 2;
        });

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ReadSingleErrorAsync(response);
        Assert.Contains(explanation, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task A_batch_asked_for_as_an_event_stream_only_is_406()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);

        using var response = await host.PostAsync("""[{"query":"{ hello }"}]""", accept: "text/event-stream");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Batch_entries_run_concurrently_in_service_scopes_of_their_own()
    {
        await using var host = await StartAsync(options => options.EnableBatching = true);

        using var response = await host.PostAsync("""[{"query":"{ hello }"},{"query":"{ hello }"}]""", Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var services = host.Executor.Prepared.Select(prepared => prepared.Context.Services).ToArray();
        Assert.Equal(2, services.Length);
        Assert.NotSame(services[0], services[1]);
    }
}
