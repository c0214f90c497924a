using System.Net.WebSockets;
using System.Text;
using Tasks.GraphQL.Tests.Transport.Support;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class WebSocketCloseCodeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(null)]
    [InlineData("graphql-ws")]
    public async Task Without_the_graphql_transport_ws_subprotocol_the_socket_closes_with_4406(string? subProtocol)
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, subProtocol is null ? [] : [subProtocol]);

        Assert.Equal((4406, "Subprotocol not acceptable"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task The_subprotocol_is_picked_from_several_offered()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-ws", "graphql-transport-ws");

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        await using var host = await StartAsync(options => options.ConnectionInitTimeout = TimeSpan.FromMilliseconds(100));
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        Assert.Equal((4408, "Connection initialisation timeout"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_connection_initialised_in_time_is_not_closed_by_the_timeout()
    {
        await using var host = await StartAsync(options => options.ConnectionInitTimeout = TimeSpan.FromMilliseconds(100));
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await Task.Delay(300);
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (await client.ReceiveAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_connection_the_hook_refuses_closes_with_4403()
    {
        await using var host = await StartAsync(options =>
            options.OnConnectAsync = (payload, httpContext) => ValueTask.FromResult(payload?.TryGetProperty("token", out _) == true));
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        await client.SendAsync("""{"type":"connection_init","payload":{}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_hook_that_throws_closes_with_4500_without_its_message()
    {
        await using var host = await StartAsync(options =>
            options.OnConnectAsync = (_, _) => throw new InvalidOperationException(FakeRequestExecutor.SecretInExceptions));
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4500, "Internal server error"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Subscribe_before_the_connection_is_acknowledged_closes_with_4401()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws");

        await client.SubscribeAsync("1", "{ hello }");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task Subscribe_with_the_id_of_a_running_operation_closes_with_4409()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("dup", "subscription { forever }");
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        await client.SubscribeAsync("dup", "subscription { forever }");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "closing cancelled the running subscription");
    }

    public static TheoryData<string, string> InvalidMessages => new()
    {
        { "not json", "not JSON" },
        { "[]", "not a JSON object" },
        { "{}", "'type' must be a string" },
        { """{"type":5}""", "'type' must be a string" },
        { """{"type":"start","id":"1"}""", "unknown type 'start'" },
        { """{"type":"next","id":"1","payload":{}}""", "'next' is a server message" },
        { """{"type":"connection_ack"}""", "'connection_ack' is a server message" },
        { """{"type":"error","id":"1","payload":[]}""", "'error' is a server message" },
        { """{"type":"connection_init","payload":"token"}""", "'connection_init' payload must be an object" },
        { """{"type":"ping","payload":[1]}""", "'ping' payload must be an object" },
        { """{"type":"subscribe","payload":{"query":"{ hello }"}}""", "non-empty string 'id'" },
        { """{"type":"subscribe","id":"","payload":{"query":"{ hello }"}}""", "non-empty string 'id'" },
        { """{"type":"subscribe","id":"1"}""", "'subscribe' payload must be an object" },
        { """{"type":"subscribe","id":"1","payload":{"query":5}}""", "'query' parameter must be a string" },
        { """{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[]}}""", "'variables' parameter must be a JSON object" },
        { """{"type":"complete"}""", "'complete' needs a non-empty string 'id'" },
    };

    [Theory]
    [MemberData(nameof(InvalidMessages))]
    public async Task An_invalid_message_closes_with_4400_and_says_why(string message, string explanation)
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync(message);

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4400, code);
        Assert.Contains(explanation, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_message_closes_with_4400()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SendAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        await using var host = await StartAsync(options => options.MaxRequestBytes = 256);
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);

        await client.SubscribeAsync("big", "{ hello }" + new string(' ', 10_000));

        Assert.Equal(1009, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task A_close_reason_naming_a_long_id_is_cut_to_the_123_bytes_a_close_frame_allows()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        var id = new string('x', 200);
        await client.SubscribeAsync(id, "subscription { idle }");
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        await client.SubscribeAsync(id, "subscription { idle }");

        var (code, reason) = await client.ReceiveCloseAsync();
        Assert.Equal(4409, code);
        Assert.StartsWith("Subscriber for xxx", reason, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(reason!) <= 123);
    }

    [Fact]
    public async Task A_normal_close_from_the_client_is_answered_and_cancels_running_operations()
    {
        await using var host = await StartAsync();
        var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("1", "subscription { idle }");
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        using var timeout = new CancellationTokenSource(Patience);
        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);

        Assert.Equal(WebSocketState.Closed, client.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the subscription saw the cancellation");
        await client.DisposeAsync();
    }

    [Fact]
    public async Task A_stopping_server_closes_sockets_with_1001_and_cancels_their_operations()
    {
        await using var host = await StartAsync();
        await using var client = await GraphQLWebSocketTestClient.ConnectAndInitialiseAsync(host.Server);
        await client.SubscribeAsync("1", "subscription { idle }");
        Assert.True(await host.Executor.LongRunningStarted.WaitAsync(Patience));

        var stopping = host.StopAsync();

        Assert.Equal(1001, (await client.ReceiveCloseAsync()).Code);
        Assert.True(await host.Executor.CancellationObserved.WaitAsync(Patience), "the subscription saw the cancellation");
        await stopping.WaitAsync(Patience);
    }

    [Fact]
    public async Task With_WebSockets_turned_off_an_upgrade_is_refused()
    {
        await using var host = await StartAsync(options => options.EnableWebSockets = false);

        await Assert.ThrowsAnyAsync<Exception>(() => GraphQLWebSocketTestClient.ConnectAsync(host.Server, "graphql-transport-ws"));
    }
}
