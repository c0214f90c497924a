using System.Net.Http.Json;
using System.Text.Json;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;
using Tasks.Domain.Functions;

namespace Tasks.Api.Tests.Querying;

/// <summary><c>Task.history</c> (events, versions, actors, correlation, data) and <c>taskAsOf</c>.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskHistoryTests(ApiHost api)
{
    private const string HistoryQuery =
        "query($id: UUID!) { task(id: $id) { history { type taskId version timestamp actor { userId applicationId } correlationId causationId data task { id status } } } }";

    private const string CreateAndCancel =
        """
        mutation($id: UUID!, $function: String!) {
          createTask(input: { id: $id, functionName: $function }) { task { id } errors { code message } }
          cancelTask(input: { id: $id }) { task { status } errors { code message } }
        }
        """;

    private static readonly DateTimeOffset T0 = new(2030, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_history_lists_every_event_oldest_first_with_versions_from_one_and_their_data()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function, priority: 6, tags: ["h"]);
        var canceled = await api.AdminAsync("mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } } }", new { id });
        Assert.Equal("CANCELED", canceled.At("cancelTask.task.status").GetString());

        var response = await api.AdminAsync(HistoryQuery, new { id });

        var events = response.At("task.history").EnumerateArray().ToArray();
        Assert.Equal(["CREATED", "CANCELED"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1, 2], events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("taskId").GetString()));
        Assert.All(events, e => Assert.Equal("admin", e.GetProperty("actor").GetProperty("userId").GetString()));
        Assert.All(events, e => Assert.Equal("CANCELED", e.GetProperty("task").GetProperty("status").GetString()));
        Assert.True(string.CompareOrdinal(events[0].GetProperty("timestamp").GetString(), events[1].GetProperty("timestamp").GetString()) <= 0);

        var created = events[0].GetProperty("data");
        Assert.Equal(id, created.GetProperty("taskId").GetString());
        Assert.Equal(function, created.GetProperty("functionName").GetString());
        Assert.Equal(6, created.GetProperty("priority").GetInt32());
        Assert.Equal(["h"], Gql.Strings(created.GetProperty("tags")));
        Assert.Equal("admin", created.GetProperty("createdByUserId").GetString());
        Assert.Equal("admin", events[1].GetProperty("data").GetProperty("by").GetProperty("userId").GetString());
    }

    [Fact]
    public async Task Events_caused_by_one_request_share_the_correlation_id_sent_in_its_header()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = Guid.NewGuid();
        var correlation = Guid.NewGuid();

        using (var client = api.Client(api.AdminToken()))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
            {
                Content = JsonContent.Create(new { query = CreateAndCancel, variables = new { id, function } }),
            };
            request.Headers.Add("X-Correlation-Id", correlation.ToString());
            using var sent = await client.SendAsync(request);
            var body = await sent.Content.ReadAsStringAsync();
            Assert.Contains("CANCELED", body, StringComparison.Ordinal);
        }

        var response = await api.AdminAsync(HistoryQuery, new { id });

        var events = response.At("task.history").EnumerateArray().ToArray();
        Assert.Equal(["CREATED", "CANCELED"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal(correlation.ToString(), e.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task Without_a_correlation_header_each_request_gets_its_own_correlation_id_shared_by_its_events()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var together = Guid.NewGuid();
        var created = await api.AdminAsync(CreateAndCancel, new { id = together, function });
        Assert.Equal("CANCELED", created.At("cancelTask.task.status").GetString());
        var apart = await Setup.CreateTaskAsync(api, function);
        await api.AdminAsync("mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } } }", new { id = apart });

        var oneRequest = (await api.AdminAsync(HistoryQuery, new { id = together })).At("task.history").EnumerateArray().Select(e => e.GetProperty("correlationId").GetString()).ToArray();
        var twoRequests = (await api.AdminAsync(HistoryQuery, new { id = apart })).At("task.history").EnumerateArray().Select(e => e.GetProperty("correlationId").GetString()).ToArray();

        Assert.Equal(2, oneRequest.Length);
        Assert.NotNull(oneRequest[0]);
        Assert.Equal(oneRequest[0], oneRequest[1]);
        Assert.Equal(2, twoRequests.Length);
        Assert.All(twoRequests, Assert.NotNull);
        Assert.NotEqual(twoRequests[0], twoRequests[1]);
        Assert.DoesNotContain(twoRequests[0], oneRequest);
    }

    [Fact]
    public async Task The_actor_of_an_event_is_the_user_or_the_application_of_the_token_that_caused_it()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var id = await scope.CreateAsync("task", token: api.Token([Permissions.CreateTasks], null, "app-creator"));
        var canceled = await api.PostAsync(api.Token([Permissions.CancelTasks], "u-canceler"), "mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } } }", new { id });
        Assert.Equal("CANCELED", canceled.At("cancelTask.task.status").GetString());

        var response = await api.AdminAsync(HistoryQuery, new { id });

        var events = response.At("task.history").EnumerateArray().ToArray();
        Assert.Equal("""{"userId":null,"applicationId":"app-creator"}""", events[0].GetProperty("actor").GetRawText());
        Assert.Equal("""{"userId":"u-canceler","applicationId":null}""", events[1].GetProperty("actor").GetRawText());
    }

    [Fact]
    public async Task The_history_names_every_kind_of_event_and_the_services_own_events_have_no_actor()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);

        async Task<JsonElement[]> HistoryAsync(string label) =>
            [.. (await api.AdminAsync(HistoryQuery, new { id = scope[label] })).At("task.history").EnumerateArray()];

        var complete = await HistoryAsync("complete");
        var failed = await HistoryAsync("failed");
        var retried = await HistoryAsync("retried");
        var retry = await HistoryAsync("retry");

        Assert.Equal(["CREATED", "STARTED", "COMPLETED"], complete.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1, 2, 3], complete.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal(["CREATED", "STARTED", "FAILED"], failed.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["CREATED", "STARTED", "RETRIED"], retried.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["CREATED"], retry.Select(e => e.GetProperty("type").GetString()));
        Assert.All(complete, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("actor").ValueKind));
        Assert.Equal("Timeout", failed[2].GetProperty("data").GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(scope["retry"], retried[2].GetProperty("data").GetProperty("retriedByTaskId").GetString());
        Assert.Equal([scope["retried"]], Gql.Strings(retry[0].GetProperty("data").GetProperty("retryForTaskIds")));
    }

    [Fact]
    public async Task A_task_as_of_an_instant_is_null_before_it_was_created_new_until_it_was_canceled_and_canceled_after()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var beforeCreation = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var id = await Setup.CreateTaskAsync(api, function);
        await Task.Delay(50);
        var beforeCancel = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await api.AdminAsync("mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } } }", new { id });
        await Task.Delay(50);
        var afterCancel = DateTimeOffset.UtcNow;

        const string AsOf = "query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { id status version functionName } }";
        var before = await api.AdminAsync(AsOf, new { id, at = Gql.Iso(beforeCreation) });
        var between = await api.AdminAsync(AsOf, new { id, at = Gql.Iso(beforeCancel) });
        var after = await api.AdminAsync(AsOf, new { id, at = Gql.Iso(afterCancel) });
        var future = await api.AdminAsync(AsOf, new { id, at = "2999-01-01T00:00:00Z" });

        Assert.Equal(JsonValueKind.Null, before.At("taskAsOf").ValueKind);
        Assert.Equal("NEW", between.At("taskAsOf.status").GetString());
        Assert.Equal(1, between.At("taskAsOf.version").GetInt32());
        Assert.Equal(function, between.At("taskAsOf.functionName").GetString());
        Assert.Equal("CANCELED", after.At("taskAsOf.status").GetString());
        Assert.Equal(2, after.At("taskAsOf.version").GetInt32());
        Assert.Equal("CANCELED", future.At("taskAsOf.status").GetString());
    }

    [Fact]
    public async Task A_task_as_of_an_instant_given_with_another_offset_is_the_task_at_that_same_instant()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await Task.Delay(50);
        var afterCreation = DateTimeOffset.UtcNow;
        var longBefore = afterCreation.AddHours(-1);
        const string AsOf = "query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { status } }";

        var later = await api.AdminAsync(AsOf, new { id, at = afterCreation.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture) });
        var earlier = await api.AdminAsync(AsOf, new { id, at = longBefore.ToOffset(TimeSpan.FromHours(-7)).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal("NEW", later.At("taskAsOf.status").GetString());
        Assert.Equal(JsonValueKind.Null, earlier.At("taskAsOf").ValueKind);
    }

    [Fact]
    public async Task A_task_as_of_an_instant_between_its_start_and_completion_is_in_progress()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var id = await scope.CreateDirectAsync("task", T0);
        await scope.Driver.StartAsync(id, T0.AddSeconds(1));
        await Task.Delay(50);
        var running = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await scope.Driver.CompleteAsync(id, T0.AddSeconds(2));

        var response = await api.AdminAsync(
            "query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { status version statusChangedTimestamp } task(id: $id) { status } }",
            new { id, at = Gql.Iso(running) });

        Assert.Equal("IN_PROGRESS", response.At("taskAsOf.status").GetString());
        Assert.Equal(2, response.At("taskAsOf.version").GetInt32());
        Assert.Equal(T0.AddSeconds(1), Gql.Instant(response.At("taskAsOf.statusChangedTimestamp")));
        Assert.Equal("COMPLETE", response.At("task.status").GetString());
    }

    [Fact]
    public async Task A_task_as_of_the_timestamp_of_one_of_its_events_includes_that_event()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await api.AdminAsync("mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } } }", new { id });
        var history = (await api.AdminAsync(HistoryQuery, new { id })).At("task.history").EnumerateArray().ToArray();

        var asOfCreation = await api.AdminAsync("query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { status } }", new { id, at = history[0].GetProperty("timestamp").GetString() });
        var asOfCancel = await api.AdminAsync("query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { status } }", new { id, at = history[1].GetProperty("timestamp").GetString() });

        Assert.Equal("NEW", asOfCreation.At("taskAsOf.status").GetString());
        Assert.Equal("CANCELED", asOfCancel.At("taskAsOf.status").GetString());
    }

    [Fact]
    public async Task A_task_as_of_an_instant_is_null_for_an_unknown_id_and_for_streams_that_are_not_tasks()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var schedule = await api.AdminAsync(
            "mutation($function: String!) { createSchedule(input: { functionName: $function, interval: 60, startTimestamp: \"2031-01-01T00:00:00Z\" }) { schedule { id } errors { code message } } }",
            new { function });
        var scheduleId = schedule.At("createSchedule.schedule.id").GetString();
        const string AsOf = "query($id: UUID!) { taskAsOf(id: $id, at: \"2999-01-01T00:00:00Z\") { id status } task(id: $id) { id } }";

        var unknown = await api.AdminAsync(AsOf, new { id = Guid.NewGuid() });
        var ofSchedule = await api.AdminAsync(AsOf, new { id = scheduleId });
        var ofFunction = await api.AdminAsync(AsOf, new { id = FunctionStreamId.For(function) });

        Assert.Equal(JsonValueKind.Null, unknown.At("taskAsOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, ofSchedule.At("taskAsOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, ofSchedule.At("task").ValueKind);
        Assert.Equal(JsonValueKind.Null, ofFunction.At("taskAsOf").ValueKind);
        Assert.Equal(JsonValueKind.Null, ofFunction.At("task").ValueKind);
    }
}
