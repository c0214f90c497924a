using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RabbitMQ.Client;
using Tasks.Messaging.Handling;
using Tasks.TestSupport.Postgres;
using Tasks.TestSupport.RabbitMq;

namespace Tasks.Api.Tests.Messaging;

/// <summary>
/// The service with RabbitMQ: document transitions in (docs/messages.md), lifecycle events out, on a real broker (a
/// virtual host per test) and a real database. The tests of this class run one at a time: some restart the broker.
/// </summary>
[Collection(nameof(BrokerRestarts))]
public sealed class DocumentTransitionTests : IAsyncLifetime
{
    private RabbitMqServer broker = null!;
    private string vhost = null!;
    private string database = null!;
    private NpgsqlDataSource data = null!;
    private WebApplicationFactory<Program> service = null!;
    private IConnection connection = null!;
    private IChannel channel = null!;

    public async Task InitializeAsync()
    {
        broker = await RabbitMqServer.InstanceAsync();
        vhost = await broker.CreateVirtualHostAsync("api");
        database = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("messages");
        data = NpgsqlDataSource.Create(database);
        service = await BrokerService.StartAsync(database, vhost);
        connection = await new ConnectionFactory { Uri = new Uri(vhost), AutomaticRecoveryEnabled = true }.CreateConnectionAsync();
        channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await RegisterFunctionAsync("send-invoice");
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
        await service.DisposeAsync();
        await data.DisposeAsync();
    }

    [Fact]
    public async Task Each_task_action_of_a_transition_becomes_a_task_with_the_document_in_its_data()
    {
        await PublishAsync("m-1", Transition("m-1", """
            [{"type": "task", "functionName": "send-invoice", "data": {"channel": "email"}, "priority": 7, "tags": ["invoices"]},
             {"type": "notify", "template": "approved"},
             {"type": "task", "functionName": "SEND-INVOICE"}]
            """));

        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") == 2, "two tasks exist");

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM tasks WHERE priority = 7 AND tags = '{invoices}' AND data = '{\"channel\": \"email\", \"schemaId\": \"invoice\", \"documentId\": \"INV-42\"}'::jsonb AND created_by_user_id = 'alice' AND created_by_application_id = 'portal'"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM tasks WHERE priority = 0 AND data = '{\"schemaId\": \"invoice\", \"documentId\": \"INV-42\"}'::jsonb"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM inbox WHERE message_id = 'm-1'"));
    }

    [Fact]
    public async Task A_message_delivered_again_creates_nothing_new()
    {
        var body = Transition("m-dup", """[{"type": "task", "functionName": "send-invoice"}]""");
        await PublishAsync("m-dup", body);
        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") == 1, "the first delivery's task exists");

        await PublishAsync("m-dup", body);
        await PublishAsync("m-after", Transition("m-after", """[{"type": "task", "functionName": "send-invoice"}]"""));
        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM inbox WHERE message_id = 'm-after'") == 1, "the message after the duplicate is handled");

        Assert.Equal(2, await CountAsync("SELECT count(*) FROM tasks"));
        Assert.Equal(0L, (await broker.QueueCountsAsync(vhost, "tasks.document-transitions.dead"))?.Ready ?? 0);
    }

    [Fact]
    public async Task Malformed_unknown_function_and_oversized_messages_are_dead_lettered_with_their_reasons_and_the_queue_moves_on()
    {
        await PublishAsync("bad-json", Encoding.UTF8.GetBytes("{not json"));
        await PublishAsync("bad-contract", Transition("bad-contract", """[{"type": "task"}]"""));
        await PublishAsync("bad-function", Transition("bad-function", """[{"type": "task", "functionName": "send-invoice"}, {"type": "task", "functionName": "send-invoyce"}]"""));
        var oversized = new string('x', 256_001);
        await PublishAsync("bad-data", Transition("bad-data", "[{\"type\": \"task\", \"functionName\": \"send-invoice\", \"data\": {\"blob\": \"" + oversized + "\"}}]"));
        await PublishAsync("good", Transition("good", """[{"type": "task", "functionName": "send-invoice"}]"""));

        await BrokerService.EventuallyAsync(async () => (await broker.QueueCountsAsync(vhost, "tasks.document-transitions.dead"))?.Ready == 4, "four dead letters");
        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") == 1, "the good message's task exists");

        var dead = await DrainAsync("tasks.document-transitions.dead", 4);
        Assert.Equal("not-json", dead["bad-json"].Code);
        Assert.Equal("not-the-contract", dead["bad-contract"].Code);
        Assert.Contains("$.actions[0].functionName", dead["bad-contract"].Reason, StringComparison.Ordinal);
        Assert.Equal("unknown-function", dead["bad-function"].Code);
        Assert.Contains("send-invoyce", dead["bad-function"].Reason, StringComparison.Ordinal);
        Assert.Equal("invalid-task", dead["bad-data"].Code);
        Assert.Contains("$.actions[0].data", dead["bad-data"].Reason, StringComparison.Ordinal);
        // A refused message creates none of its tasks, not even the valid ones.
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM inbox WHERE message_id <> 'good'"));
        Assert.Equal(0L, (await broker.QueueCountsAsync(vhost, "tasks.document-transitions"))?.Ready ?? 0);
    }

    [Fact]
    public async Task A_broker_restart_in_the_middle_of_1000_messages_still_yields_exactly_1000_tasks()
    {
        Assert.True(broker.IsThrowaway, "This test restarts the broker, which it can only do to a node it started.");
        for (var i = 0; i < 1000; i++)
        {
            await PublishAsync($"bulk-{i}", Transition($"bulk-{i}", """[{"type": "task", "functionName": "send-invoice"}]"""));
        }

        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") > 0, "consumption has begun");
        await broker.RestartAsync();

        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") >= 1000, "1000 tasks exist", TimeSpan.FromMinutes(3));
        await BrokerService.EventuallyAsync(async () => (await broker.QueueCountsAsync(vhost, "tasks.document-transitions")) is { Ready: 0, Unacknowledged: 0 }, "the queue is empty and nothing is unacknowledged", TimeSpan.FromMinutes(3));

        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM tasks"));
        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM inbox"));
        Assert.Equal(0L, (await broker.QueueCountsAsync(vhost, "tasks.document-transitions.dead"))?.Ready ?? 0);
    }

    [Fact]
    public async Task Lifecycle_events_are_published_in_order_per_task_even_across_a_broker_outage()
    {
        Assert.True(broker.IsThrowaway, "This test stops the broker, which it can only do to a node it started.");
        await channel.QueueDeclareAsync("observer", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("observer", "tasks.events", "task.#");
        var first = await CreateTaskAsync();
        await CancelTaskAsync(first);

        await broker.StopNodeAsync();
        var second = await CreateTaskAsync();
        await CancelTaskAsync(second);
        await broker.StartNodeAsync();

        var received = new List<(string RoutingKey, JsonElement Body)>();
        await BrokerService.EventuallyAsync(async () =>
        {
            received.AddRange(await ReadAsync("observer"));
            return received.Count >= 4;
        }, "four lifecycle messages", TimeSpan.FromMinutes(3));

        foreach (var id in new[] { first, second })
        {
            var mine = received.Where(m => m.Body.GetProperty("content").GetProperty("id").GetString() == id.ToString()).ToList();
            Assert.Equal(["task.created", "task.canceled"], mine.Select(m => m.RoutingKey));
            Assert.Equal("task_created", mine[0].Body.GetProperty("type").GetString());
            Assert.Equal("send-invoice", mine[1].Body.GetProperty("content").GetProperty("functionName").GetString());
        }
    }

    private static byte[] Transition(string messageId, string actions) => BrokerService.Transition(messageId, actions);

    private Task PublishAsync(string messageId, byte[] body) => BrokerService.PublishAsync(channel, messageId, body);

    private async Task<Dictionary<string, (string Code, string Reason)>> DrainAsync(string queue, int count)
    {
        var found = new Dictionary<string, (string, string)>();
        while (found.Count < count)
        {
            var message = await channel.BasicGetAsync(queue, autoAck: true) ?? throw new InvalidOperationException($"{queue} has fewer than {count} messages");
            var headers = message.BasicProperties.Headers!;
            found[message.BasicProperties.MessageId!] = (IncomingMessage.HeaderText(headers["x-rejected-code"])!, IncomingMessage.HeaderText(headers["x-rejected-reason"])!);
        }

        return found;
    }

    private async Task<List<(string, JsonElement)>> ReadAsync(string queue)
    {
        var read = new List<(string, JsonElement)>();
        try
        {
            await using var reader = await connection.CreateChannelAsync();
            while (await reader.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                read.Add((message.RoutingKey, JsonDocument.Parse(message.Body).RootElement.Clone()));
            }
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The connection is still recovering from the outage; read again on the next round.
        }

        return read;
    }

    private async Task RegisterFunctionAsync(string name)
    {
        var response = await GraphQLAsync($$"""mutation { createFunction(input: { name: "{{name}}", entryPoint: "index.handler", runtime: "nodejs22.x" }) { errors { code } } }""");
        Assert.Empty(response.GetProperty("data").GetProperty("createFunction").GetProperty("errors").EnumerateArray());
    }

    private async Task<Guid> CreateTaskAsync()
    {
        var response = await GraphQLAsync("""mutation { createTask(input: { functionName: "send-invoice", startTimestamp: "2099-01-01T00:00:00Z" }) { task { id } } }""");
        return Guid.Parse(response.GetProperty("data").GetProperty("createTask").GetProperty("task").GetProperty("id").GetString()!);
    }

    private async Task CancelTaskAsync(Guid id)
    {
        var response = await GraphQLAsync($$"""mutation { cancelTask(input: { id: "{{id}}" }) { errors { code } } }""");
        Assert.Empty(response.GetProperty("data").GetProperty("cancelTask").GetProperty("errors").EnumerateArray());
    }

    private Task<JsonElement> GraphQLAsync(string query) => BrokerService.GraphQLAsync(service, query);

    private async Task<long> CountAsync(string sql)
    {
        await using var command = data.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>Tests that stop or restart the shared broker run alone.</summary>
[CollectionDefinition(nameof(BrokerRestarts), DisableParallelization = true)]
public sealed class BrokerRestarts;
