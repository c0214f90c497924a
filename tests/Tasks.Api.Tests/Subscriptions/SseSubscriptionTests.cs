using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Subscriptions;

[Collection(ApiHostGroup.Name)]
public sealed class SseSubscriptionTests(ApiHost api)
{
    private const string TaskUpdated = "subscription($id: UUID!) { taskUpdated(id: $id) { id status version } }";

    [Fact]
    public async Task TaskUpdated_over_server_sent_events_streams_the_current_task_and_then_its_changes()
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));
        using var client = api.Client(api.Token(["VIEW_TASKS"]));
        using var request = SubscriptionRequest(TaskUpdated, new { id });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token), Encoding.UTF8);
        var (firstType, first) = await ReadEventAsync(reader, "the current task");
        await api.AdminAsync("mutation($id: UUID!) { cancelTask(input: { id: $id }) { errors { code } } }", new { id });
        var (secondType, second) = await ReadEventAsync(reader, "the canceled task");

        Assert.Equal("next", firstType);
        Assert.Equal(id, first.GetProperty("data").GetProperty("taskUpdated").GetProperty("id").GetString());
        Assert.Equal("NEW", first.GetProperty("data").GetProperty("taskUpdated").GetProperty("status").GetString());
        Assert.Equal("next", secondType);
        Assert.Equal("CANCELED", second.GetProperty("data").GetProperty("taskUpdated").GetProperty("status").GetString());
        Assert.Equal(2, second.GetProperty("data").GetProperty("taskUpdated").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_subscription_over_server_sent_events_without_VIEW_TASKS_streams_a_forbidden_error_and_completes()
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));
        using var client = api.Client(api.Token(["CREATE_TASKS"]));
        using var request = SubscriptionRequest(TaskUpdated, new { id });

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(), Encoding.UTF8);
        var (type, payload) = await ReadEventAsync(reader, "the error");
        var (endType, _) = await ReadEventAsync(reader, "complete");

        Assert.Equal("next", type);
        var error = Assert.Single(payload.GetProperty("errors").EnumerateArray());
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal("taskUpdated", Payloads.Path(error));
        Assert.Equal("complete", endType);
    }

    [Fact]
    public async Task A_subscription_over_server_sent_events_without_a_token_is_401()
    {
        using var client = api.Client(null);
        using var request = SubscriptionRequest(TaskUpdated, new { id = Guid.NewGuid() });

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static HttpRequestMessage SubscriptionRequest(string query, object variables)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return request;
    }

    /// <summary>Reads one event (skipping keep-alive comments); its data lines joined, parsed as JSON when there are any.</summary>
    private static async Task<(string? Type, JsonElement Data)> ReadEventAsync(StreamReader reader, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        string? type = null;
        var data = new StringBuilder();
        try
        {
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token).AsTask().WaitAsync(timeout.Token);
                Assert.True(line is not null, "the stream ended before the event did");
                if (line.Length == 0)
                {
                    if (type is null && data.Length == 0)
                    {
                        continue;
                    }

                    break;
                }

                if (line.StartsWith(':'))
                {
                    continue;
                }

                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    type = line["event:".Length..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Append(line["data:".Length..].TrimStart()).Append('\n');
                }
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No server-sent event ({what}) within 10 s.");
        }

        var text = data.ToString().Trim();
        if (text.Length == 0)
        {
            return (type, default);
        }

        using var document = JsonDocument.Parse(text);
        return (type, document.RootElement.Clone());
    }
}
