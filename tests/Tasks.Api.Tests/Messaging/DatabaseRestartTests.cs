using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using RabbitMQ.Client;
using Tasks.TestSupport.Postgres;
using Tasks.TestSupport.RabbitMq;

namespace Tasks.Api.Tests.Messaging;

/// <summary>The service consuming document transitions while its database crashes and comes back (a cluster of this test's own).</summary>
[Collection(nameof(BrokerRestarts))]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private PostgresServer postgres = null!;
    private RabbitMqServer broker = null!;
    private string vhost = null!;
    private string database = null!;
    private WebApplicationFactory<Program> service = null!;

    public async Task InitializeAsync()
    {
        postgres = await PostgresServer.StartDedicatedAsync();
        database = await postgres.CreateDatabaseAsync("crash");
        broker = await RabbitMqServer.InstanceAsync();
        vhost = await broker.CreateVirtualHostAsync("dbcrash");
        service = await BrokerService.StartAsync(database, vhost);
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await postgres.DeleteAsync();
    }

    [Fact]
    public async Task A_database_crash_while_1000_messages_arrive_still_yields_exactly_1000_tasks()
    {
        var created = await BrokerService.GraphQLAsync(service, "mutation { createFunction(input: { name: \"send-invoice\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { errors { code } } }");
        Assert.Empty(created.GetProperty("data").GetProperty("createFunction").GetProperty("errors").EnumerateArray());

        await using var connection = await new ConnectionFactory { Uri = new Uri(vhost) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await PublishAsync(channel, 0, 500);
        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") > 0, "consumption has begun", TimeSpan.FromMinutes(3));

        // The second half arrives while the database is down: those messages are delivered, fail, and wait for it.
        var crash = postgres.CrashAndRestartAsync(TimeSpan.FromSeconds(3));
        await PublishAsync(channel, 500, 1000);
        await crash;

        await BrokerService.EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") >= 1000, "1000 tasks exist", TimeSpan.FromMinutes(3));
        await BrokerService.EventuallyAsync(async () => await broker.QueueCountsAsync(vhost, "tasks.document-transitions") is { Ready: 0, Unacknowledged: 0 }, "the queue is empty and nothing is unacknowledged", TimeSpan.FromMinutes(3));

        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM tasks"));
        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM inbox"));
        Assert.Equal(0L, (await broker.QueueCountsAsync(vhost, "tasks.document-transitions.dead"))?.Ready ?? 0);
    }

    private static async Task PublishAsync(IChannel channel, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await BrokerService.PublishAsync(channel, $"crash-{i}", BrokerService.Transition($"crash-{i}", """[{"type": "task", "functionName": "send-invoice"}]"""));
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
