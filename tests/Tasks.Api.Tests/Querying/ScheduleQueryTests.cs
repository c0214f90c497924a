using System.Text.Json;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary><c>schedule(id)</c> and <c>schedules</c>: fields, filters, sorts and paging.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class ScheduleQueryTests(ApiHost api)
{
    private const string CreateMutation =
        "mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { schedule { id } errors { code message field } } }";

    [Fact]
    public async Task A_schedule_is_read_by_id_with_every_field()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await CreateAsync(new { functionName = function, data = new { report = "daily" }, priority = 7, tags = new[] { "ops", "nightly" }, startTimestamp = "2031-06-01T00:00:00Z", interval = 86400 });

        var response = await api.AdminAsync(
            "query($id: UUID!) { schedule(id: $id) { id functionName data priority tags startTimestamp interval nextTimestamp lastFiredTimestamp creationTimestamp updateTimestamp createdByUserId createdByApplicationId } }",
            new { id });

        var schedule = response.At("schedule");
        Assert.Equal(id, schedule.GetProperty("id").GetString());
        Assert.Equal(function, schedule.GetProperty("functionName").GetString());
        Assert.Equal("daily", schedule.GetProperty("data").GetProperty("report").GetString());
        Assert.Equal(7, schedule.GetProperty("priority").GetInt32());
        Assert.Equal(["ops", "nightly"], Gql.Strings(schedule.GetProperty("tags")));
        Assert.Equal(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero), Gql.Instant(schedule.GetProperty("startTimestamp")));
        Assert.Equal(86400, schedule.GetProperty("interval").GetInt32());
        Assert.Equal(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero), Gql.Instant(schedule.GetProperty("nextTimestamp")));
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("lastFiredTimestamp").ValueKind);
        Assert.Equal(schedule.GetProperty("creationTimestamp").GetString(), schedule.GetProperty("updateTimestamp").GetString());
        Assert.Equal("admin", schedule.GetProperty("createdByUserId").GetString());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("createdByApplicationId").ValueKind);
    }

    [Fact]
    public async Task A_schedule_start_given_with_another_offset_reads_back_as_the_same_instant()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await CreateAsync(new { functionName = function, startTimestamp = "2031-06-01T02:00:00+02:00", interval = 60 });

        var response = await api.AdminAsync("query($id: UUID!) { schedule(id: $id) { startTimestamp nextTimestamp } }", new { id });

        Assert.Equal(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero), Gql.Instant(response.At("schedule.startTimestamp")));
        Assert.Equal(new DateTimeOffset(2031, 6, 1, 0, 0, 0, TimeSpan.Zero), Gql.Instant(response.At("schedule.nextTimestamp")));
    }

    [Fact]
    public async Task An_unknown_or_deleted_schedule_reads_as_null_and_is_not_listed()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await CreateAsync(new { functionName = function, interval = 60 });
        var deleted = await api.AdminAsync("mutation($id: UUID!) { deleteSchedule(input: { id: $id }) { schedule { id } errors { code } } }", new { id });
        Assert.Equal(id, deleted.At("deleteSchedule.schedule.id").GetString());

        var response = await api.AdminAsync(
            "query($id: UUID!, $unknown: UUID!, $function: String!) { deleted: schedule(id: $id) { id } unknown: schedule(id: $unknown) { id } schedules(where: { functionName: { eq: $function } }) { totalCount nodes { id } } }",
            new { id, unknown = Guid.NewGuid(), function });

        Assert.Equal(JsonValueKind.Null, response.At("deleted").ValueKind);
        Assert.Equal(JsonValueKind.Null, response.At("unknown").ValueKind);
        Assert.Equal(0, response.At("schedules.totalCount").GetInt64());
        Assert.Empty(response.At("schedules.nodes").EnumerateArray());
    }

    [Fact]
    public async Task Schedules_are_filtered_by_every_field()
    {
        var set = await ScheduleSetAsync();
        var s1 = Gql.Quote(set.Ids["s1"]);
        var s2 = Gql.Quote(set.Ids["s2"]);

        await set.ExpectAsync($"{{ id: {{ eq: {s2} }} }}", "s2");
        await set.ExpectAsync($"{{ id: {{ in: [{s1}, {s2}] }} }}", "s1", "s2");
        await set.ExpectAsync($"{{ id: {{ nin: [{s1}] }} }}", "s2", "s3");
        await set.ExpectAsync($"{{ functionName: {{ like: {Gql.Quote(set.Function[..6] + "*")} }} }}", "s1", "s2", "s3");
        await set.ExpectAsync("""{ functionName: { eq: "someone-else" } }""");
        await set.ExpectAsync("{ interval: { gt: 60 } }", "s2", "s3");
        await set.ExpectAsync("{ interval: { in: [60, 86400] } }", "s1", "s3");
        await set.ExpectAsync("{ interval: { lte: 3600 } }", "s1", "s2");
        await set.ExpectAsync("{ priority: { eq: null } }", "s1");
        await set.ExpectAsync("{ priority: { neq: null } }", "s2", "s3");
        await set.ExpectAsync("{ priority: { gte: 5 } }", "s2", "s3");
        await set.ExpectAsync("{ priority: { neq: 5 } }", "s1", "s3");
        await set.ExpectAsync("{ priority: { nin: [10] } }", "s1", "s2");
        await set.ExpectAsync("""{ startTimestamp: { lt: "2031-01-02T00:00:00Z" } }""", "s1");
        await set.ExpectAsync("""{ startTimestamp: { eq: "2031-01-02T00:00:00Z" } }""", "s3");
        await set.ExpectAsync("""{ nextTimestamp: { eq: "2031-01-03T00:00:00Z" } }""", "s2");
        await set.ExpectAsync("""{ nextTimestamp: { gte: "2031-01-02T00:00:00Z" } }""", "s2", "s3");
        await set.ExpectAsync("""{ nextTimestamp: { neq: "2031-01-03T00:00:00Z" } }""", "s1", "s3");
        await set.ExpectAsync($"{{ creationTimestamp: {{ gte: {Gql.Quote(Gql.Iso(set.BeforeS3))} }} }}", "s3");
        await set.ExpectAsync($"{{ creationTimestamp: {{ lt: {Gql.Quote(Gql.Iso(set.BeforeS3))} }} }}", "s1", "s2");
        await set.ExpectAsync("{ or: [{ priority: { eq: null } }, { interval: { eq: 86400 } }] }", "s1", "s3");
        await set.ExpectAsync("{ not: { priority: { eq: 5 } } }", "s1", "s3");
    }

    [Fact]
    public async Task Schedules_come_newest_first_by_default_and_sort_by_every_sortable_field()
    {
        var set = await ScheduleSetAsync();
        var byId = Gql.Sorted(set.Ids.Values).Select(id => set.Ids.Single(p => p.Value == id).Key).ToArray();

        await set.ExpectOrderAsync(null, "s3", "s2", "s1");
        await set.ExpectOrderAsync("{ creationTimestamp: ASC }", "s1", "s2", "s3");
        await set.ExpectOrderAsync("{ interval: ASC }", "s1", "s2", "s3");
        await set.ExpectOrderAsync("{ interval: DESC }", "s3", "s2", "s1");
        await set.ExpectOrderAsync("{ priority: ASC }", "s2", "s3", "s1");
        await set.ExpectOrderAsync("{ priority: DESC }", "s1", "s3", "s2");
        await set.ExpectOrderAsync("{ startTimestamp: ASC }", "s1", "s3", "s2");
        await set.ExpectOrderAsync("{ nextTimestamp: DESC }", "s2", "s3", "s1");
        await set.ExpectOrderAsync("{ id: ASC }", byId);
        await set.ExpectOrderAsync("{ functionName: ASC }", byId);
    }

    [Fact]
    public async Task Schedules_sort_by_function_name()
    {
        var first = await Setup.CreateFunctionAsync(api);
        var second = await Setup.CreateFunctionAsync(api);
        await CreateAsync(new { functionName = first, interval = 60 });
        await CreateAsync(new { functionName = second, interval = 60 });
        var ascending = Gql.Sorted([first, second]);

        var response = await api.AdminAsync(
            "query($names: [String!]) { asc: schedules(where: { functionName: { in: $names } }, order: { functionName: ASC }) { nodes { functionName } } desc: schedules(where: { functionName: { in: $names } }, order: { functionName: DESC }) { nodes { functionName } } }",
            new { names = new[] { first, second } });

        Assert.Equal(ascending, response.At("asc.nodes").EnumerateArray().Select(n => n.GetProperty("functionName").GetString()));
        Assert.Equal(ascending.Reverse(), response.At("desc.nodes").EnumerateArray().Select(n => n.GetProperty("functionName").GetString()));
    }

    [Fact]
    public async Task Schedules_page_forward_and_backward_with_a_total_count()
    {
        var set = await ScheduleSetAsync();
        const string Query =
            "query($where: ScheduleFilterInput, $first: Int, $after: String, $last: Int, $before: String) { schedules(where: $where, order: { interval: ASC }, first: $first, after: $after, last: $last, before: $before) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        var where = new { functionName = new { eq = set.Function } };

        var first = await api.AdminAsync(Query, new { where, first = 2 });
        var second = await api.AdminAsync(Query, new { where, first = 2, after = first.At("schedules.pageInfo.endCursor").GetString() });
        var last = await api.AdminAsync(Query, new { where, last = 1 });
        var beforeLast = await api.AdminAsync(Query, new { where, last = 5, before = last.At("schedules.pageInfo.startCursor").GetString() });

        Assert.Equal(["s1", "s2"], set.Labels(first.At("schedules.nodes")));
        Assert.True(first.At("schedules.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(3, first.At("schedules.totalCount").GetInt64());
        Assert.Equal(["s3"], set.Labels(second.At("schedules.nodes")));
        Assert.False(second.At("schedules.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(["s3"], set.Labels(last.At("schedules.nodes")));
        Assert.True(last.At("schedules.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(["s1", "s2"], set.Labels(beforeLast.At("schedules.nodes")));
        Assert.False(beforeLast.At("schedules.pageInfo.hasPreviousPage").GetBoolean());
        Assert.True(beforeLast.At("schedules.pageInfo.hasNextPage").GetBoolean());
    }

    [Fact]
    public async Task Schedule_list_arguments_are_validated_like_task_list_arguments()
    {
        var bothSizes = await api.AdminAsync("{ schedules(first: 1, last: 1) { nodes { id } } }");
        var emptySort = await api.AdminAsync("{ schedules(order: {}) { nodes { id } } }");
        var nul = await api.AdminAsync("query($name: String) { schedules(where: { functionName: { eq: $name } }) { nodes { id } } }", new { name = "a\0b" });

        Gql.AssertValidation(bothSizes, "first");
        Gql.AssertValidation(emptySort, "order[0]");
        Gql.AssertValidation(nul, "where.functionName.eq");
    }

    [Fact]
    public async Task Reading_schedules_needs_view_task_schedules()
    {
        var token = api.Token([Permissions.ViewTasks, Permissions.ViewTaskFunctions]);

        var many = await api.PostAsync(token, "{ schedules { nodes { id } } }");
        var one = await api.PostAsync(token, "query($id: UUID!) { schedule(id: $id) { id } }", new { id = Guid.NewGuid() });

        Assert.Equal(["FORBIDDEN"], many.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], one.ErrorCodes);
    }

    private async Task<string> CreateAsync(object input)
    {
        var response = await api.AdminAsync(CreateMutation, new { input });
        Assert.True(response.At("createSchedule.errors").GetArrayLength() == 0, response.Text);
        return response.At("createSchedule.schedule.id").GetString()!;
    }

    private async Task<ScheduleSet> ScheduleSetAsync()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["s1"] = await CreateAsync(new { functionName = function, interval = 60, startTimestamp = "2031-01-01T00:00:00Z" }),
        };
        await Task.Delay(20);
        ids["s2"] = await CreateAsync(new { functionName = function, interval = 3600, priority = 5, startTimestamp = "2031-01-03T00:00:00Z" });
        await Task.Delay(20);
        var beforeS3 = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        ids["s3"] = await CreateAsync(new { functionName = function, interval = 86400, priority = 10, startTimestamp = "2031-01-02T00:00:00Z" });
        return new ScheduleSet(api, function, ids, beforeS3);
    }

    /// <summary>Three schedules of one function, s1 … s3; queries see only them and answer with their labels.</summary>
    private sealed class ScheduleSet(ApiHost api, string function, Dictionary<string, string> ids, DateTimeOffset beforeS3)
    {
        public string Function => function;

        public Dictionary<string, string> Ids => ids;

        public DateTimeOffset BeforeS3 => beforeS3;

        public string[] Labels(JsonElement nodes) =>
            [.. Gql.Ids(nodes).Select(id => ids.FirstOrDefault(p => p.Value == id).Key ?? "foreign:" + id)];

        public async Task ExpectAsync(string filter, params string[] expected)
        {
            var response = await api.AdminAsync($"{{ schedules(where: {{ and: [{{ functionName: {{ eq: {Gql.Quote(function)} }} }}, {filter}] }}, first: 50) {{ nodes {{ id }} }} }}");
            var actual = Gql.Sorted(Labels(response.At("schedules.nodes")));
            Assert.True(Gql.Sorted(expected).SequenceEqual(actual), $"where {filter}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
        }

        public async Task ExpectOrderAsync(string? order, params string[] expected)
        {
            var orderArgument = order is null ? "" : $", order: {order}";
            var response = await api.AdminAsync($"{{ schedules(where: {{ functionName: {{ eq: {Gql.Quote(function)} }} }}{orderArgument}, first: 50) {{ nodes {{ id }} }} }}");
            var actual = Labels(response.At("schedules.nodes"));
            Assert.True(expected.SequenceEqual(actual), $"order {order}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
        }
    }
}
