using System.Text.Json;
using Tasks.Api.Tests.Support;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Tests.Querying;

/// <summary>Retry chains as the API shows them: retriedBy, retryFor, their ids, and filters and sorts on them.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class RetryLinkTests(ApiHost api)
{
    private static readonly DateTimeOffset T0 = new(2030, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TaskError Boom = new("Boom", "BoomError", "it broke");

    /// <summary>first → (retried by) second → third, which failed for good; and a lone task that never failed.</summary>
    private async Task<TaskScope> ChainAsync()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var driver = scope.Driver;
        var first = await scope.CreateDirectAsync("first", T0, priority: 3, tags: ["chain"]);
        await driver.StartAsync(first, T0.AddSeconds(1));
        var second = scope.Add("second", await driver.FailAndRetryAsync(first, Boom, T0.AddSeconds(2)));
        await driver.StartAsync(second, T0.AddSeconds(10));
        var third = scope.Add("third", await driver.FailAndRetryAsync(second, Boom, T0.AddSeconds(11)));
        await driver.StartAsync(third, T0.AddSeconds(30));
        await driver.FailAsync(third, Boom, T0.AddSeconds(31));
        await scope.CreateDirectAsync("lone", T0);
        return scope;
    }

    [Fact]
    public async Task A_retried_task_links_to_its_retry_and_the_retry_to_every_earlier_attempt_oldest_first()
    {
        var scope = await ChainAsync();
        const string Query =
            "query($id: UUID!) { task(id: $id) { id status retriedByTaskId retryForTaskIds retriedBy { id status } retryFor { id status } error { type } } }";

        var first = (await api.AdminAsync(Query, new { id = scope["first"] })).At("task");
        var second = (await api.AdminAsync(Query, new { id = scope["second"] })).At("task");
        var third = (await api.AdminAsync(Query, new { id = scope["third"] })).At("task");

        Assert.Equal("RETRIED", first.GetProperty("status").GetString());
        Assert.Equal(scope["second"], first.GetProperty("retriedByTaskId").GetString());
        Assert.Equal(scope["second"], first.GetProperty("retriedBy").GetProperty("id").GetString());
        Assert.Equal("RETRIED", first.GetProperty("retriedBy").GetProperty("status").GetString());
        Assert.Empty(first.GetProperty("retryForTaskIds").EnumerateArray());
        Assert.Empty(first.GetProperty("retryFor").EnumerateArray());
        Assert.Equal("Boom", first.GetProperty("error").GetProperty("type").GetString());

        Assert.Equal(scope["third"], second.GetProperty("retriedByTaskId").GetString());
        Assert.Equal([scope["first"]], Gql.Strings(second.GetProperty("retryForTaskIds")));
        Assert.Equal([scope["first"]], Gql.Ids(second.GetProperty("retryFor")));

        Assert.Equal("FAILED", third.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("retriedByTaskId").ValueKind);
        Assert.Equal(JsonValueKind.Null, third.GetProperty("retriedBy").ValueKind);
        Assert.Equal([scope["first"], scope["second"]], Gql.Strings(third.GetProperty("retryForTaskIds")));
        Assert.Equal([scope["first"], scope["second"]], Gql.Ids(third.GetProperty("retryFor")));
        Assert.Equal(["RETRIED", "RETRIED"], third.GetProperty("retryFor").EnumerateArray().Select(t => t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_retry_copies_the_function_priority_and_tags_of_the_attempt_it_retries()
    {
        var scope = await ChainAsync();

        var response = await api.AdminAsync("query($id: UUID!) { task(id: $id) { functionName priority tags createdByUserId } }", new { id = scope["third"] });

        Assert.Equal(scope.Function, response.At("task.functionName").GetString());
        Assert.Equal(3, response.At("task.priority").GetInt32());
        Assert.Equal(["chain"], Gql.Strings(response.At("task.tags")));
        Assert.Equal("driver", response.At("task.createdByUserId").GetString());
    }

    [Fact]
    public async Task Retry_links_can_be_followed_through_several_levels_in_one_query()
    {
        var scope = await ChainAsync();

        var response = await api.AdminAsync(
            "query($id: UUID!) { task(id: $id) { retriedBy { retriedBy { id retryFor { retriedBy { id } } } } } }",
            new { id = scope["first"] });

        Assert.Equal(scope["third"], response.At("task.retriedBy.retriedBy.id").GetString());
        Assert.Equal([scope["second"], scope["third"]], response.At("task.retriedBy.retriedBy.retryFor").EnumerateArray().Select(t => t.GetProperty("retriedBy").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Tasks_are_filtered_by_the_task_that_retried_them()
    {
        var scope = await ChainAsync();
        var second = Gql.Quote(scope["second"]);
        var third = Gql.Quote(scope["third"]);

        await scope.ExpectAsync($"{{ retriedByTaskId: {{ eq: {second} }} }}", "first");
        await scope.ExpectAsync($"{{ retriedByTaskId: {{ in: [{second}, {third}] }} }}", "first", "second");
        await scope.ExpectAsync($"{{ retriedByTaskId: {{ neq: {second} }} }}", "second", "third", "lone");
        await scope.ExpectAsync($"{{ retriedByTaskId: {{ nin: [{second}] }} }}", "second", "third", "lone");
        await scope.ExpectAsync("{ retriedByTaskId: { eq: null } }", "third", "lone");
        await scope.ExpectAsync("{ retriedByTaskId: { neq: null } }", "first", "second");
        await scope.ExpectAsync("""{ retriedByTaskId: { gte: "00000000-0000-0000-0000-000000000000" } }""", "first", "second");
        var secondIsLower = string.CompareOrdinal(scope["second"], scope["third"]) < 0;
        var lower = Gql.Quote(secondIsLower ? scope["second"] : scope["third"]);
        await scope.ExpectAsync($"{{ retriedByTaskId: {{ gt: {lower} }} }}", secondIsLower ? "second" : "first");
        await scope.ExpectAsync($"{{ retriedByTaskId: {{ lte: {lower} }} }}", secondIsLower ? "first" : "second");
        await scope.ExpectAsync("""{ retriedByTaskId: { lt: "00000000-0000-0000-0000-000000000000" } }""");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_the_attempts_they_retry()
    {
        var scope = await ChainAsync();
        var first = Gql.Quote(scope["first"]);
        var second = Gql.Quote(scope["second"]);

        await scope.ExpectAsync($"{{ retryForTaskIds: {{ some: {{ eq: {first} }} }} }}", "second", "third");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ some: {{ eq: {second} }} }} }}", "third");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ some: {{ in: [{second}] }} }} }}", "third");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ all: {{ eq: {first} }} }} }}", "first", "second", "lone");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ none: {{ eq: {first} }} }} }}", "first", "lone");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ some: {{ neq: {first} }} }} }}", "third");
        await scope.ExpectAsync($"{{ retryForTaskIds: {{ all: {{ nin: [{second}] }} }} }}", "first", "second", "lone");
        await scope.ExpectAsync("{ retryForTaskIds: { any: true } }", "second", "third");
        await scope.ExpectAsync("{ retryForTaskIds: { any: false } }", "first", "lone");
        await scope.ExpectAsync("""{ retryForTaskIds: { some: { gt: "00000000-0000-0000-0000-000000000000" } } }""", "second", "third");
    }

    [Fact]
    public async Task Tasks_sort_by_the_task_that_retried_them_with_tasks_not_retried_last_ascending()
    {
        var scope = await ChainAsync();
        var retriedByAscending = Gql.Sorted([scope["second"], scope["third"]]).Select(id => id == scope["second"] ? "first" : "second").ToArray();
        var notRetried = Gql.Sorted([scope["third"], scope["lone"]]).Select(scope.Label).ToArray();

        await scope.ExpectOrderAsync("{ retriedByTaskId: ASC }", [.. retriedByAscending, .. notRetried]);
        await scope.ExpectOrderAsync("{ retriedByTaskId: DESC }", [.. notRetried.Reverse(), .. retriedByAscending.Reverse()]);
    }
}
