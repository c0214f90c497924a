using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Tasks.Api.Authentication;
using Tasks.Messaging.Topology;

namespace Tasks.Api.Tests.Messaging;

/// <summary>The service on a database and a broker's virtual host, and what the messaging tests do with it.</summary>
internal static class BrokerService
{
    private const string Key = "test-signing-key-that-is-long-enough-for-hs256";

    /// <summary>Starts the service and waits for its topology: publishing needs the queue bound, and the service serves before it is.</summary>
    public static async Task<WebApplicationFactory<Program>> StartAsync(string database, string vhost)
    {
        var service = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Testing");
            host.UseSetting("ConnectionStrings:Postgres", database);
            host.UseSetting("ConnectionStrings:RabbitMq", vhost);
            host.UseSetting("Auth:SigningKey", Key);
        });
        service.CreateClient().Dispose();
        await service.Services.GetRequiredService<TopologyInitializer>().WaitAsync(CancellationToken.None);
        return service;
    }

    /// <summary>A GraphQL request as user alice with every permission.</summary>
    public static async Task<JsonElement> GraphQLAsync(WebApplicationFactory<Program> service, string query)
    {
        using var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevelopmentTokens.Create(new AuthOptions { SigningKey = Key }, "alice", Permissions.All, TimeSpan.FromHours(1)));
        using var response = await client.PostAsJsonAsync("/graphql", new { query });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A <c>document.transitioned</c> body (docs/messages.md) for document INV-42 with <paramref name="actions"/>.</summary>
    public static byte[] Transition(string messageId, string actions) => Encoding.UTF8.GetBytes($$"""
        {"messageId": "{{messageId}}", "type": "document.transitioned", "occurredAt": "2026-11-22T09:30:00Z",
         "schemaId": "invoice", "documentId": "INV-42",
         "transition": {"name": "approve", "fromStatus": "submitted", "toStatus": "approved"},
         "userId": "alice", "applicationId": "portal", "actions": {{actions}}}
        """);

    /// <summary>Publishes as the documents service does: persistent JSON with a message id, mandatory, confirmed.</summary>
    public static async Task PublishAsync(IChannel channel, string messageId, byte[] body)
    {
        var properties = new BasicProperties { MessageId = messageId, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync("documents", "document.transitioned", mandatory: true, basicProperties: properties, body: body);
    }

    /// <summary>Waits until <paramref name="condition"/> holds; a database that is down (a count that fails) means "not yet".</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Npgsql.NpgsqlException)
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
