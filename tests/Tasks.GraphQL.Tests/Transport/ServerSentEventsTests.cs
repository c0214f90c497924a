using System.Net;
using System.Text.Json;
using Tasks.GraphQL.Tests.Transport.Support;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class ServerSentEventsTests
{
    private const string EventStream = "text/event-stream";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_subscription_posted_for_an_event_stream_streams_each_result_then_completes()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("subscription { ticks }"), EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream; charset=utf-8", ContentType(response));
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(
            "event: next\ndata: {\"data\":{\"ticks\":1}}\n\n" +
            "event: next\ndata: {\"data\":{\"ticks\":2}}\n\n" +
            "event: next\ndata: {\"data\":{\"ticks\":3}}\n\n" +
            "event: complete\ndata:\n\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_subscription_may_be_streamed_over_GET()
    {
        await using var host = await StartAsync();

        using var response = await host.GetAsync($"/graphql?query={Uri.EscapeDataString("subscription { ticks }")}", EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ReadAllAsync(response);
        Assert.Equal(["next", "next", "next", "complete"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task A_subscription_streams_when_the_client_accepts_an_event_stream_beside_JSON()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("subscription { ticks }"), "application/json, text/event-stream");

        Assert.Equal("text/event-stream; charset=utf-8", ContentType(response));
    }

    [Theory]
    [InlineData("{ hello }", """{"data":{"hello":"world"}}""")]
    [InlineData("mutation { m }", """{"data":{"m":true}}""")]
    public async Task A_query_or_mutation_asked_for_as_an_event_stream_is_one_next_event_then_complete(string query, string result)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query(query), EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"event: next\ndata: {result}\n\nevent: complete\ndata:\n\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_query_accepted_as_JSON_or_event_stream_alike_is_answered_as_JSON()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ hello }"), "application/json, text/event-stream");

        Assert.Equal("application/json; charset=utf-8", ContentType(response));
    }

    [Fact]
    public async Task Request_errors_are_sent_inside_the_accepted_stream_as_a_next_event_then_complete()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("{ bad"), EventStream);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await ReadAllAsync(response);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        var body = JsonDocument.Parse(events[0].Data!).RootElement;
        Assert.False(body.TryGetProperty("data", out _));
        Assert.StartsWith("Syntax Error", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_request_is_still_400_before_any_stream_starts()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync("""{"query":5}""", EventStream);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", ContentType(response));
    }

    [Fact]
    public async Task A_failing_source_ends_the_stream_with_a_generic_error_and_complete()
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query("subscription { explode }"), EventStream);

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        var events = await ReadAllAsync(text);
        Assert.Equal(["next", "next", "complete"], events.Select(e => e.Event));
        var error = JsonDocument.Parse(events[1].Data!).RootElement.GetProperty("errors")[0];
        Assert.Equal("INTERNAL_SERVER_ERROR", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.True(error.GetProperty("extensions").TryGetProperty("correlationId", out _));
    }

    [Fact]
    public async Task An_idle_stream_gets_keep_alive_comments()
    {
        await using var host = await StartAsync(options => options.KeepAliveInterval = TimeSpan.FromMilliseconds(50));

        using var response = await host.SendAsync(
            HttpMethod.Post, "/graphql", Query("subscription { idle }"), EventStream, "application/json", HttpCompletionOption.ResponseHeadersRead);
        using var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());

        var first = await events.ReadAsync(Patience);
        var second = await events.ReadAsync(Patience);

        Assert.True(first!.IsComment);
        Assert.True(second!.IsComment);
        Assert.Null(first.Event);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_its_subscription()
    {
        await using var host = await StartAsync();

        var response = await host.SendAsync(
            HttpMethod.Post, "/graphql", Query("subscription { forever }"), EventStream, "application/json", HttpCompletionOption.ResponseHeadersRead);
        var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("next", (await events.ReadAsync(Patience))!.Event);

        events.Dispose();
        response.Dispose();

        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the subscription's source saw the cancellation");
    }

    [Fact]
    public async Task A_stopping_server_ends_open_streams_without_complete_and_cancels_their_subscriptions()
    {
        await using var host = await StartAsync();
        using var response = await host.SendAsync(
            HttpMethod.Post, "/graphql", Query("subscription { idle }"), EventStream, "application/json", HttpCompletionOption.ResponseHeadersRead);
        using var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync());
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        var stopping = host.StopAsync();

        Assert.Null(await events.ReadAsync(Patience));
        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the subscription saw the cancellation");
        await stopping.WaitAsync(Patience);
    }

    [Fact]
    public async Task With_event_streams_turned_off_a_client_accepting_only_them_gets_406()
    {
        await using var host = await StartAsync(options => options.EnableServerSentEvents = false);

        using var response = await host.PostAsync(Query("subscription { ticks }"), EventStream);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    private static async Task<List<ServerSentEvent>> ReadAllAsync(HttpResponseMessage response) =>
        await ReadAllAsync(await response.Content.ReadAsStringAsync());

    private static async Task<List<ServerSentEvent>> ReadAllAsync(string body)
    {
        using var reader = new ServerSentEventReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        var events = new List<ServerSentEvent>();
        while (await reader.ReadAsync() is { } next)
        {
            events.Add(next);
        }

        return events;
    }
}
