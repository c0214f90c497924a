using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>Relay paging of tasks: forward and backward through every page, page sizes, cursors and their errors, total counts.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskPagingTests(ApiHost api)
{
    private const string PageQuery =
        """
        query($where: TaskFilterInput, $order: [TaskSortInput!], $first: Int, $after: String, $last: Int, $before: String) {
          tasks(where: $where, order: $order, first: $first, after: $after, last: $last, before: $before) {
            edges { cursor node { id } }
            nodes { id }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private static readonly DateTimeOffset T0 = new(2030, 5, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Paging_forward_with_first_and_after_visits_every_task_once_in_order()
    {
        var scope = await ScopeWithTasksAsync(23);
        var all = await AllIdsAsync(scope, order: null);
        Assert.Equal(23, all.Length);

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(scope, first: 5, after: after);
            pages++;
            seen.AddRange(page.Ids);
            Assert.Equal(pages > 1, page.HasPreviousPage);
            if (!page.HasNextPage)
            {
                break;
            }

            Assert.Equal(5, page.Ids.Length);
            after = page.EndCursor;
        }

        Assert.Equal(5, pages);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Paging_backward_with_last_and_before_visits_every_task_once_in_order()
    {
        var scope = await ScopeWithTasksAsync(23);
        var all = await AllIdsAsync(scope, order: null);

        var seen = new List<string>();
        string? before = null;
        var pages = 0;
        while (true)
        {
            var page = await PageAsync(scope, last: 5, before: before);
            pages++;
            seen.InsertRange(0, page.Ids);
            Assert.Equal(pages > 1, page.HasNextPage);
            if (!page.HasPreviousPage)
            {
                break;
            }

            Assert.Equal(5, page.Ids.Length);
            before = page.StartCursor;
        }

        Assert.Equal(5, pages);
        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Paging_under_a_sort_with_missing_values_and_mixed_directions_visits_every_task_once_both_ways()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        string?[] users = ["ann", null, "bob", null, "ann", "carl", null, "bob", "ann", null, "dora"];
        for (var i = 0; i < users.Length; i++)
        {
            await scope.CreateDirectAsync("t" + i, T0.AddSeconds(i % 3), priority: i % 4, user: users[i], application: users[i] is null ? "app" : null);
        }

        const string Order = """[{ createdByUserId: ASC }, { priority: DESC }, { creationTimestamp: ASC }]""";
        var order = new object[]
        {
            new { createdByUserId = "ASC" },
            new { priority = "DESC" },
            new { creationTimestamp = "ASC" },
        };
        var all = await AllIdsAsync(scope, order);
        Assert.Equal(await scope.OrderAsync(Order), scope.Labels(all));

        var forward = new List<string>();
        string? after = null;
        do
        {
            var page = await PageAsync(scope, order: order, first: 3, after: after);
            forward.AddRange(page.Ids);
            after = page.HasNextPage ? page.EndCursor : null;
        }
        while (after is not null);

        var backward = new List<string>();
        string? before = null;
        do
        {
            var page = await PageAsync(scope, order: order, last: 2, before: before);
            backward.InsertRange(0, page.Ids);
            before = page.HasPreviousPage ? page.StartCursor : null;
        }
        while (before is not null);

        Assert.Equal(scope.Labels(all), scope.Labels(forward));
        Assert.Equal(scope.Labels(all), scope.Labels(backward));
    }

    [Fact]
    public async Task Edges_and_nodes_list_the_same_tasks_and_the_page_info_names_the_first_and_last_cursor()
    {
        var scope = await ScopeWithTasksAsync(4);

        var page = await PageAsync(scope, first: 3);

        Assert.Equal(page.Ids, page.EdgeIds);
        Assert.Equal(page.Cursors[0], page.StartCursor);
        Assert.Equal(page.Cursors[^1], page.EndCursor);
        Assert.Equal(3, page.Cursors.Distinct().Count());
    }

    [Fact]
    public async Task Without_first_or_last_a_page_holds_ten_tasks()
    {
        var scope = await ScopeWithTasksAsync(12);

        var page = await PageAsync(scope);

        Assert.Equal(10, page.Ids.Length);
        Assert.True(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
    }

    [Fact]
    public async Task A_page_may_hold_fifty_tasks()
    {
        var scope = await ScopeWithTasksAsync(52);

        var first = await PageAsync(scope, first: 50);
        var last = await PageAsync(scope, last: 50);

        Assert.Equal(50, first.Ids.Length);
        Assert.True(first.HasNextPage);
        Assert.Equal(50, last.Ids.Length);
        Assert.True(last.HasPreviousPage);
    }

    [Fact]
    public async Task A_page_of_zero_is_empty_and_tells_whether_tasks_follow()
    {
        var scope = await ScopeWithTasksAsync(2);

        var page = await PageAsync(scope, first: 0);

        Assert.Empty(page.Ids);
        Assert.Empty(page.EdgeIds);
        Assert.Null(page.StartCursor);
        Assert.Null(page.EndCursor);
        Assert.True(page.HasNextPage);
        Assert.False(page.HasPreviousPage);
    }

    [Fact]
    public async Task The_page_after_the_last_task_is_empty()
    {
        var scope = await ScopeWithTasksAsync(3);
        var only = await PageAsync(scope, first: 3);
        Assert.False(only.HasNextPage);

        var after = await PageAsync(scope, first: 3, after: only.EndCursor);
        var before = await PageAsync(scope, last: 3, before: only.StartCursor);

        Assert.Empty(after.Ids);
        Assert.False(after.HasNextPage);
        Assert.True(after.HasPreviousPage);
        Assert.Null(after.EndCursor);
        Assert.Empty(before.Ids);
        Assert.False(before.HasPreviousPage);
        Assert.True(before.HasNextPage);
    }

    [Fact]
    public async Task A_cursor_positions_by_values_so_it_still_works_when_the_filter_is_refined()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        for (var i = 0; i < 6; i++)
        {
            await scope.CreateDirectAsync("p" + i, T0, priority: i);
        }

        var order = new object[] { new { priority = "ASC" } };
        var firstPage = await PageAsync(scope, order: order, first: 2);
        var refined = new Dictionary<string, object?> { ["and"] = new[] { scope.IsolationVariable, new { priority = new { nin = new[] { 3 } } } } };
        var next = await PageAsync(refined, order, first: 10, after: firstPage.EndCursor);

        Assert.Equal(["p0", "p1"], scope.Labels(firstPage.Ids));
        Assert.Equal(["p2", "p4", "p5"], scope.Labels(next.Ids));
    }

    [Fact]
    public async Task The_total_count_counts_every_matching_task_whatever_the_page()
    {
        var scope = await ScopeWithTasksAsync(7);
        const string Query = "query($where: TaskFilterInput, $first: Int, $after: String) { tasks(where: $where, first: $first, after: $after) { totalCount nodes { id } pageInfo { endCursor } } }";

        var first = await api.AdminAsync(Query, new { where = scope.IsolationVariable, first = 2 });
        var second = await api.AdminAsync(Query, new { where = scope.IsolationVariable, first = 2, after = first.At("tasks.pageInfo.endCursor").GetString() });
        var empty = await api.AdminAsync(Query, new { where = scope.IsolationVariable, first = 0 });
        var narrowed = await api.AdminAsync(Query, new { where = new { and = new[] { scope.IsolationVariable, new { priority = new { lt = 3 } } } }, first = 1 });

        Assert.Equal(7, first.At("tasks.totalCount").GetInt64());
        Assert.Equal(7, second.At("tasks.totalCount").GetInt64());
        Assert.Equal(7, empty.At("tasks.totalCount").GetInt64());
        Assert.Equal(5, narrowed.At("tasks.totalCount").GetInt64());
        Assert.Single(narrowed.At("tasks.nodes").EnumerateArray());
    }

    [Fact]
    public async Task The_total_count_of_a_filter_matching_nothing_is_zero()
    {
        var response = await api.AdminAsync("""{ tasks(where: { functionName: { eq: "no-such-function-at-all" } }) { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor } } }""");

        Assert.Equal(0, response.At("tasks.totalCount").GetInt64());
        Assert.Empty(response.At("tasks.nodes").EnumerateArray());
        Assert.False(response.At("tasks.pageInfo.hasNextPage").GetBoolean());
        Assert.False(response.At("tasks.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, response.At("tasks.pageInfo.startCursor").ValueKind);
    }

    [Theory]
    [InlineData("first: 51", "first")]
    [InlineData("last: 51", "last")]
    [InlineData("first: -1", "first")]
    [InlineData("last: -1", "last")]
    public async Task A_page_size_outside_zero_to_fifty_is_a_validation_error_naming_the_argument(string arguments, string field)
    {
        var response = await api.AdminAsync($"{{ tasks({arguments}) {{ nodes {{ id }} }} }}");

        var error = Gql.AssertValidation(response, field);
        Assert.Equal("InvalidPageSize", Gql.Extension(error, "reason"));
    }

    [Fact]
    public async Task First_and_last_together_are_a_validation_error()
    {
        var response = await api.AdminAsync("{ tasks(first: 2, last: 2) { nodes { id } } }");

        var error = Gql.AssertValidation(response, "first");
        Assert.Equal("ConflictingPageArguments", Gql.Extension(error, "reason"));
    }

    [Theory]
    [InlineData("after", "not a cursor!")]
    [InlineData("after", "abc")]
    [InlineData("after", "")]
    [InlineData("before", "e30")]
    public async Task A_malformed_cursor_is_a_validation_error_naming_its_argument(string argument, string cursor)
    {
        var response = await api.AdminAsync($"query($cursor: String) {{ tasks(first: 2, {argument}: $cursor) {{ nodes {{ id }} }} }}", new { cursor });

        var error = Gql.AssertValidation(response, argument);
        Assert.Equal("InvalidCursor", Gql.Extension(error, "reason"));
    }

    [Fact]
    public async Task A_cursor_made_under_another_sort_order_is_a_validation_error()
    {
        var scope = await ScopeWithTasksAsync(3);
        var page = await PageAsync(scope, first: 1);

        var response = await api.AdminAsync(
            "query($where: TaskFilterInput, $after: String) { tasks(where: $where, order: [{ priority: ASC }], first: 1, after: $after) { nodes { id } } }",
            new { where = scope.IsolationVariable, after = page.EndCursor });
        var reversed = await api.AdminAsync(
            "query($before: String) { tasks(order: [{ creationTimestamp: ASC }], last: 1, before: $before) { nodes { id } } }",
            new { before = page.EndCursor });

        var error = Gql.AssertValidation(response, "after");
        Assert.Equal("CursorMismatch", Gql.Extension(error, "reason"));
        Assert.Equal("CursorMismatch", Gql.Extension(Gql.AssertValidation(reversed, "before"), "reason"));
    }

    [Fact]
    public async Task A_cursor_of_another_list_is_a_validation_error()
    {
        await Setup.CreateFunctionAsync(api);
        var functions = await api.AdminAsync("{ functions(first: 1) { pageInfo { endCursor } } }");
        var cursor = functions.At("functions.pageInfo.endCursor").GetString();

        var response = await api.AdminAsync("query($after: String) { tasks(order: { functionName: ASC }, first: 1, after: $after) { nodes { id } } }", new { after = cursor });

        Gql.AssertValidation(response, "after");
    }

    private async Task<TaskScope> ScopeWithTasksAsync(int count)
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        for (var i = 0; i < count; i++)
        {
            // Some share a creation instant, so the id has to break ties for paging to be exact.
            await scope.CreateDirectAsync("t" + i, T0.AddSeconds(i / 3), priority: i % 5);
        }

        return scope;
    }

    private async Task<string[]> AllIdsAsync(TaskScope scope, object[]? order)
    {
        var page = await PageAsync(scope, order: order, first: 50);
        Assert.False(page.HasNextPage);
        return page.Ids;
    }

    private Task<Page> PageAsync(TaskScope scope, object[]? order = null, int? first = null, string? after = null, int? last = null, string? before = null) =>
        PageAsync(scope.IsolationVariable, order, first, after, last, before);

    private async Task<Page> PageAsync(object where, object[]? order = null, int? first = null, string? after = null, int? last = null, string? before = null)
    {
        var response = await api.AdminAsync(PageQuery, new { where, order, first, after, last, before });
        var info = response.At("tasks.pageInfo");
        return new Page(
            Gql.Ids(response.At("tasks.nodes")),
            [.. response.At("tasks.edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)],
            [.. response.At("tasks.edges").EnumerateArray().Select(e => e.GetProperty("cursor").GetString()!)],
            info.GetProperty("hasNextPage").GetBoolean(),
            info.GetProperty("hasPreviousPage").GetBoolean(),
            info.GetProperty("startCursor").GetString(),
            info.GetProperty("endCursor").GetString());
    }

    private sealed record Page(string[] Ids, string[] EdgeIds, string[] Cursors, bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
}
