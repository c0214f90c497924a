using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using Tasks.Messaging.Topology;
using Tasks.TestSupport.Postgres;
using Tasks.TestSupport.RabbitMq;

namespace Tasks.Api.Tests.Messaging;

/// <summary>The service consuming document transitions while its database crashes and comes back (a cluster of this test's own).</summary>
[Collection(nameof(BrokerRestarts))]
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const string Key = "test-signing-key-that-is-long-enough-for-hs256";
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
        service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", database);
            host.UseSetting("ConnectionStrings:RabbitMq", vhost);
            host.UseSetting("Auth:SigningKey", Key);
        });
        service.CreateClient().Dispose();
        await service.Services.GetRequiredService<TopologyInitializer>().WaitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await postgres.DeleteAsync();
    }

    [Fact]
    public async Task A_database_crash_while_1000_messages_arrive_still_yields_exactly_1000_tasks()
    {
        using (var client = service.CreateClient())
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                "Bearer", Authentication.DevelopmentTokens.Create(new Authentication.AuthOptions { SigningKey = Key }, "alice", Authentication.Permissions.All, TimeSpan.FromHours(1)));
            using var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
                client, "/graphql", new { query = "mutation { createFunction(input: { name: \"send-invoice\", entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { errors { code } } }" });
            created.EnsureSuccessStatusCode();
        }

        await using var connection = await new ConnectionFactory { Uri = new Uri(vhost) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await PublishAsync(channel, 0, 500);
        await EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") > 0, "consumption has begun");

        // The second half arrives while the database is down: those messages are delivered, fail, and wait for it.
        var crash = postgres.CrashAndRestartAsync(TimeSpan.FromSeconds(3));
        await PublishAsync(channel, 500, 1000);
        await crash;

        await EventuallyAsync(async () => await CountAsync("SELECT count(*) FROM tasks") >= 1000, "1000 tasks exist");
        await EventuallyAsync(async () => await broker.QueueCountsAsync(vhost, "tasks.document-transitions") is { Ready: 0, Unacknowledged: 0 }, "the queue is empty and nothing is unacknowledged");

        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM tasks"));
        Assert.Equal(1000, await CountAsync("SELECT count(*) FROM inbox"));
        Assert.Equal(1000, await CountAsync("SELECT count(DISTINCT data->>'documentId') FROM tasks"));
        Assert.Equal(0L, (await broker.QueueCountsAsync(vhost, "tasks.document-transitions.dead"))?.Ready ?? 0);
    }

    private static async Task PublishAsync(IChannel channel, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var id = $"crash-{i}";
            var body = Encoding.UTF8.GetBytes($$"""
                {"messageId": "{{id}}", "type": "document.transitioned", "occurredAt": "2026-11-22T09:30:00Z", "schemaId": "invoice",
                 "documentId": "INV-{{i}}", "transition": {"name": "approve", "fromStatus": "submitted", "toStatus": "approved"},
                 "actions": [{"type": "task", "functionName": "send-invoice"}]}
                """);
            await channel.BasicPublishAsync("documents", "document.transitioned", mandatory: true, basicProperties: new BasicProperties { MessageId = id, DeliveryMode = DeliveryModes.Persistent }, body: body);
        }
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    // While the database is down, a count fails: that is "not yet".
    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (NpgsqlException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"still not true: {what}");
            }

            await Task.Delay(100);
        }
    }
}
