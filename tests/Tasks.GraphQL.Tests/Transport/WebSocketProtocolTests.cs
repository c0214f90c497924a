using System.Security.Claims;
using System.Text.Json;
using Tasks.GraphQL.Tests.Transport.Support;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class WebSocketProtocolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_server_speaks_graphql_transport_ws_and_acknowledges_connection_init()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        await client.SendAsync("""{"type":"connection_init","payload":{"token":"t"}}""");

        var ack = await client.ReceiveAsync();
        Assert.Equal("""{"type":"connection_ack"}""", ack.GetRawText());
    }

    [Fact]
    public async Task The_connection_init_payload_reaches_the_hook_which_can_authenticate_every_later_operation()
    {
        JsonElement? seenPayload = null;
        await using var host = await StartAsync(options => options.OnConnectAsync = (payload, httpContext) =>
        {
            seenPayload = payload?.Clone();
            var name = payload?.GetProperty("token").GetString();
            httpContext.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name!)], "token"));
            return ValueTask.FromResult(true);
        });
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        await client.SendAsync("""{"type":"connection_init","payload":{"token":"ada"}}""");
        Assert.Equal("connection_ack", (await client.ReceiveAsync()).GetProperty("type").GetString());
        await client.SubscribeAsync("1", "{ echo }");
        var next = await client.ReceiveAsync();

        Assert.Equal("""{"token":"ada"}""", seenPayload?.GetRawText());
        Assert.Equal("ada", next.GetProperty("payload").GetProperty("data").GetProperty("echo").GetProperty("user").GetString());
    }

    [Theory]
    [InlineData("{ hello }", """{"data":{"hello":"world"}}""")]
    [InlineData("mutation { m }", """{"data":{"m":true}}""")]
    public async Task A_query_or_mutation_is_one_next_then_complete(string query, string result)
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("q1", query);

        Assert.Equal($$"""{"id":"q1","type":"next","payload":{{result}}}""", (await client.ReceiveAsync()).GetRawText());
        Assert.Equal("""{"id":"q1","type":"complete"}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task A_subscription_sends_next_per_event_then_complete()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("s1", "subscription { ticks }");

        for (var tick = 1; tick <= 3; tick++)
        {
            var next = await client.ReceiveAsync();
            Assert.Equal("next", next.GetProperty("type").GetString());
            Assert.Equal("s1", next.GetProperty("id").GetString());
            Assert.Equal(tick, next.GetProperty("payload").GetProperty("data").GetProperty("ticks").GetInt32());
        }

        Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Request_errors_are_an_error_message_with_the_array_of_GraphQL_errors_and_no_complete()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("e1", "{ bad");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"ping"}""");
        var afterwards = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("e1", error.GetProperty("id").GetString());
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.StartsWith("Syntax Error", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, errors[0].GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal("GRAPHQL_PARSE_FAILED", errors[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("pong", afterwards.GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_engine_failure_ends_only_that_operation_with_a_generic_error()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("b1", "{ boom }");
        var error = await client.ReceiveAsync();
        await client.SubscribeAsync("h1", "{ hello }");
        var next = await client.ReceiveAsync();

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.DoesNotContain("hunter2", error.GetRawText(), StringComparison.Ordinal);
        var extensions = error.GetProperty("payload")[0].GetProperty("extensions");
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions.GetProperty("code").GetString());
        var correlationId = extensions.GetProperty("correlationId").GetString()!;
        Assert.Contains(host.Logs.Entries, entry => entry.Message.Contains(correlationId, StringComparison.Ordinal));
        Assert.Equal("h1", next.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Ping_is_answered_with_pong()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("""{"type":"pong"}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task Pong_echoes_the_ping_payload()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync("""{"type":"ping","payload":{"sentAt":1234}}""");

        Assert.Equal("""{"type":"pong","payload":{"sentAt":1234}}""", (await client.ReceiveAsync()).GetRawText());
    }

    [Fact]
    public async Task Ping_is_answered_even_before_connection_init()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_pong_from_the_client_is_accepted_silently()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync("""{"type":"pong","payload":{"beat":1}}""");
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_server_pings_an_idle_connection_every_keep_alive_interval()
    {
        await using var host = await StartAsync(options => options.KeepAliveInterval = TimeSpan.FromMilliseconds(50));
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        var first = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"pong"}""");
        var second = await client.ReceiveAsync();

        Assert.Equal("""{"type":"ping"}""", first.GetRawText());
        Assert.Equal("""{"type":"ping"}""", second.GetRawText());
    }

    [Fact]
    public async Task Complete_from_the_client_cancels_a_running_subscription_and_nothing_more_is_sent_for_it()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("f1", "subscription { forever }");
        Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());

        await client.SendAsync("""{"id":"f1","type":"complete"}""");
        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the subscription's source saw the cancellation");
        await client.SendAsync("""{"type":"ping"}""");
        var (_, before) = await client.ReceiveUntilAsync("pong");

        // Results already on the wire when complete arrived may still come, but never a complete for it.
        Assert.All(before, message => Assert.Equal("next", message.GetProperty("type").GetString()));
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Complete_from_the_client_cancels_a_running_query_before_its_result()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("slow", "{ slow }");
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        await client.SendAsync("""{"id":"slow","type":"complete"}""");

        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the query saw the cancellation");
        await client.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Complete_for_an_unknown_id_is_ignored()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync("""{"id":"nobody","type":"complete"}""");
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_id_may_be_reused_once_its_operation_completed()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        for (var round = 0; round < 3; round++)
        {
            await client.SubscribeAsync("same", "{ hello }");
            Assert.Equal("next", (await client.ReceiveAsync()).GetProperty("type").GetString());
            Assert.Equal("complete", (await client.ReceiveAsync()).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Several_operations_run_concurrently_on_one_socket_each_in_order()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        string[] subscriptions = ["a", "b", "c", "d", "e"];

        await client.SubscribeAsync("idle", "subscription { idle }");
        foreach (var id in subscriptions)
        {
            await client.SubscribeAsync(id, "subscription { ticks }");
        }

        await client.SubscribeAsync("query", "{ hello }");

        var received = new Dictionary<string, List<string>>();
        var completed = 0;
        while (completed < subscriptions.Length + 1)
        {
            var message = await client.ReceiveAsync();
            var id = message.GetProperty("id").GetString()!;
            var type = message.GetProperty("type").GetString()!;
            received.TryAdd(id, []);
            received[id].Add(type == "next" ? message.GetProperty("payload").GetRawText() : type);
            completed += type == "complete" ? 1 : 0;
        }

        foreach (var id in subscriptions)
        {
            Assert.Equal(
                ["""{"data":{"ticks":1}}""", """{"data":{"ticks":2}}""", """{"data":{"ticks":3}}""", "complete"],
                received[id]);
        }

        Assert.Equal(["""{"data":{"hello":"world"}}""", "complete"], received["query"]);
        Assert.False(received.ContainsKey("idle"), "the idle subscription is still running");
    }

    [Fact]
    public async Task Each_operation_on_a_socket_gets_a_service_scope_of_its_own()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("1", "{ hello }");
        await client.ReceiveUntilAsync("complete");
        await client.SubscribeAsync("2", "{ hello }");
        await client.ReceiveUntilAsync("complete");

        var services = host.Executor.Prepared.Select(prepared => prepared.Context.Services).ToArray();
        Assert.NotSame(services[0], services[1]);
    }

    [Fact]
    public async Task A_client_that_disconnects_cancels_every_running_operation()
    {
        await using var host = await StartAsync();
        var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("1", "subscription { forever }");
        await client.SubscribeAsync("2", "subscription { idle }");
        await client.SubscribeAsync("3", "{ slow }");
        for (var started = 0; started < 3; started++)
        {
            Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));
        }

        client.Socket.Abort();
        client.Socket.Dispose();

        for (var cancelled = 0; cancelled < 3; cancelled++)
        {
            Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), $"operation {cancelled + 1} of 3 saw the cancellation");
        }
    }
}
