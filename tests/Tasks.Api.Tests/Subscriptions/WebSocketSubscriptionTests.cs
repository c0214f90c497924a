using System.Text.Json;
using Tasks.Api.Tests.Authorization;
using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Subscriptions;

[Collection(ApiHostGroup.Name)]
public sealed class WebSocketSubscriptionTests(ApiHost api)
{
    private const string TaskUpdated = "subscription($id: UUID!) { taskUpdated(id: $id) { id status version functionName } }";
    private const string TaskEvents = "subscription($where: TaskEventFilterInput) { taskEvents(where: $where) { type taskId version actor { userId } task { id functionName status } } }";
    private const string Cancel = "mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } errors { code } } }";

    [Fact]
    public async Task TaskUpdated_pushes_the_current_task_first_and_then_each_change()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"]));

        await socket.SubscribeAsync("1", TaskUpdated, new { id });
        var current = await socket.NextAsync("1");
        var canceled = await api.AdminAsync(Cancel, new { id });
        var changed = await socket.NextAsync("1");

        Assert.Equal("CANCELED", canceled.At("cancelTask.task.status").GetString());
        Assert.Equal(id, current.GetProperty("data").GetProperty("taskUpdated").GetProperty("id").GetString());
        Assert.Equal("NEW", current.GetProperty("data").GetProperty("taskUpdated").GetProperty("status").GetString());
        Assert.Equal(1, current.GetProperty("data").GetProperty("taskUpdated").GetProperty("version").GetInt32());
        Assert.Equal("CANCELED", changed.GetProperty("data").GetProperty("taskUpdated").GetProperty("status").GetString());
        Assert.Equal(2, changed.GetProperty("data").GetProperty("taskUpdated").GetProperty("version").GetInt32());
        Assert.Equal(function, changed.GetProperty("data").GetProperty("taskUpdated").GetProperty("functionName").GetString());
    }

    [Fact]
    public async Task TaskUpdated_never_loses_a_change_committed_right_after_the_initial_push()
    {
        for (var round = 0; round < 20; round++)
        {
            var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));
            await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"]));
            await socket.SubscribeAsync("1", TaskUpdated, new { id });
            await socket.NextAsync("1");

            await api.AdminAsync(Cancel, new { id });

            var changed = await socket.TryReceiveAsync(GraphQLSocket.Timeout);
            Assert.True(changed is not null, $"round {round}: the CANCELED update of task {id} was never pushed");
            Assert.Equal("CANCELED", changed.Value.GetProperty("payload").GetProperty("data").GetProperty("taskUpdated").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task TaskUpdated_stops_pushing_once_the_client_completes_the_subscription()
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"]));
        await socket.SubscribeAsync("1", TaskUpdated, new { id });
        await socket.NextAsync("1");

        await socket.SendAsync(new { id = "1", type = "complete" });
        await api.AdminAsync(Cancel, new { id });

        var unexpected = await socket.TryReceiveAsync(TimeSpan.FromSeconds(2));
        Assert.Null(unexpected);
    }

    [Fact]
    public async Task TaskEvents_filtered_by_function_pushes_the_created_events_of_that_functions_tasks_only()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var other = await Setup.CreateFunctionAsync(api);
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"], user: "watcher"));
        await socket.SubscribeAsync("events", TaskEvents, new { where = new { functionName = new { eq = function } } });
        await FeedStartsTailingAsync();

        await Setup.CreateTaskAsync(api, other);
        var first = await Setup.CreateTaskAsync(api, function);
        var firstEvent = await socket.NextAsync("events");
        await Setup.CreateTaskAsync(api, other);
        var second = await Setup.CreateTaskAsync(api, function);
        var secondEvent = await socket.NextAsync("events");

        AssertEvent(firstEvent, "CREATED", first, function);
        AssertEvent(secondEvent, "CREATED", second, function);
        Assert.Equal(1, firstEvent.GetProperty("data").GetProperty("taskEvents").GetProperty("version").GetInt32());
        Assert.Equal("admin", firstEvent.GetProperty("data").GetProperty("taskEvents").GetProperty("actor").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task TaskEvents_filtered_by_type_CANCELED_pushes_cancellations_only()
    {
        var function = await Setup.CreateFunctionAsync(api);
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"]));
        await socket.SubscribeAsync("canceled", TaskEvents, new { where = new { type = new { eq = "CANCELED" } } });
        await FeedStartsTailingAsync();

        var kept = await Setup.CreateTaskAsync(api, function);
        var canceled = await Setup.CreateTaskAsync(api, function);
        await api.AdminAsync(Cancel, new { id = canceled });

        // Other tests' cancellations may arrive too; every event pushed must be a cancellation, ours among them.
        JsonElement ours;
        do
        {
            ours = (await socket.NextAsync("canceled")).GetProperty("data").GetProperty("taskEvents");
            Assert.Equal("CANCELED", ours.GetProperty("type").GetString());
            Assert.NotEqual(kept, ours.GetProperty("taskId").GetString());
        }
        while (ours.GetProperty("taskId").GetString() != canceled);

        Assert.Equal(2, ours.GetProperty("version").GetInt32());
        Assert.Equal("CANCELED", ours.GetProperty("task").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TaskEvents_without_a_filter_pushes_every_event_in_commit_order()
    {
        var function = await Setup.CreateFunctionAsync(api);
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["VIEW_TASKS"]));
        await socket.SubscribeAsync("all", TaskEvents);
        await FeedStartsTailingAsync();

        var id = await Setup.CreateTaskAsync(api, function);
        await api.AdminAsync(Cancel, new { id });

        var ours = new List<string?>();
        while (ours.Count < 2)
        {
            var e = (await socket.NextAsync("all")).GetProperty("data").GetProperty("taskEvents");
            if (e.GetProperty("taskId").GetString() == id)
            {
                ours.Add(e.GetProperty("type").GetString());
            }
        }

        Assert.Equal(["CREATED", "CANCELED"], ours);
    }

    public static TheoryData<string> RefusedInits => new()
    {
        "no payload",
        "an empty payload",
        "a malformed token",
        "a token signed with another key",
        "an expired token",
    };

    [Theory]
    [MemberData(nameof(RefusedInits))]
    public async Task A_connection_init_without_a_valid_token_closes_the_socket_with_4403(string init)
    {
        await using var socket = await GraphQLSocket.ConnectAsync(api);
        object message = init switch
        {
            "no payload" => new { type = "connection_init" },
            "an empty payload" => new { type = "connection_init", payload = new { } },
            "a malformed token" => new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer not-a-token" } },
            "a token signed with another key" => new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestTokens.Mint(signingKey: "another-signing-key-that-is-long-enough-for-hs256") } },
            _ => new { type = "connection_init", payload = new Dictionary<string, string> { ["Authorization"] = "Bearer " + TestTokens.Mint(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)) } },
        };

        await socket.SendAsync(message);

        Assert.Equal(4403, (int?)await socket.ClosedAsync());
    }

    [Fact]
    public async Task A_bearer_token_on_the_upgrade_request_authenticates_the_socket()
    {
        var token = api.Token(["VIEW_TASKS"]);
        await using var socket = await GraphQLSocket.ConnectAsync(api, request => request.Headers.Authorization = "Bearer " + token);

        await socket.SendAsync(new { type = "connection_init" });

        Assert.Equal("connection_ack", GraphQLSocket.Type(await socket.ReceiveAsync()));
    }

    [Theory]
    [InlineData("taskUpdated", "subscription($id: UUID!) { taskUpdated(id: $id) { id } }")]
    [InlineData("taskEvents", "subscription { taskEvents { type } }")]
    public async Task A_subscription_without_VIEW_TASKS_is_answered_with_a_forbidden_error(string field, string query)
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));
        await using var socket = await GraphQLSocket.ConnectAndInitAsync(api, api.Token(["CREATE_TASKS", "VIEW_TASK_FUNCTIONS"]));

        await socket.SubscribeAsync("1", query, new { id });

        var message = await socket.ReceiveAsync();
        var errors = GraphQLSocket.Type(message) switch
        {
            "next" => message.GetProperty("payload").GetProperty("errors"),
            "error" => message.GetProperty("payload"),
            _ => throw new Xunit.Sdk.XunitException("expected next or error, got " + message),
        };
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal(field, Payloads.Path(error));
        Assert.Equal("1", message.GetProperty("id").GetString());
        if (GraphQLSocket.Type(message) == "next")
        {
            var end = await socket.ReceiveAsync();
            Assert.Equal("complete", GraphQLSocket.Type(end));
        }
    }

    /// <summary>
    /// taskEvents delivers the events committed once the subscription is established, and graphql-transport-ws does
    /// not acknowledge a subscribe; a short pause keeps events written right after subscribing from predating it.
    /// (taskUpdated needs no pause: its first push comes after the subscription is established.)
    /// </summary>
    internal static Task FeedStartsTailingAsync() => Task.Delay(TimeSpan.FromSeconds(1));

    private static void AssertEvent(JsonElement payload, string type, string taskId, string function)
    {
        var e = payload.GetProperty("data").GetProperty("taskEvents");
        Assert.Equal(type, e.GetProperty("type").GetString());
        Assert.Equal(taskId, e.GetProperty("taskId").GetString());
        Assert.Equal(taskId, e.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal(function, e.GetProperty("task").GetProperty("functionName").GetString());
    }
}
