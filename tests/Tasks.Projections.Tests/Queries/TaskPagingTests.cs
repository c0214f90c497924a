using Tasks.Projections.Queries;
using static Tasks.Projections.Queries.SortDirection;
using F = Tasks.Projections.Queries.TaskQueryModel;

namespace Tasks.Projections.Tests.Queries;

/// <summary>Keyset paging visits every row exactly once, in order, both ways, for any mix of directions and NULLs.</summary>
public sealed class TaskPagingTests(TaskTableFixture database) : IClassFixture<TaskTableFixture>
{
    private static readonly Dictionary<string, SortField[]> Sorts = new()
    {
        ["default (creationTimestamp desc)"] = [],
        ["functionName asc"] = [new(F.FunctionName)],
        ["priority desc, creationTimestamp asc"] = [new(F.Priority, Descending), new(F.CreationTimestamp)],
        ["createdByUserId asc (nullable)"] = [new(F.CreatedByUserId)],
        ["createdByUserId desc (nullable)"] = [new(F.CreatedByUserId, Descending)],
        ["errorType asc, priority desc"] = [new(F.ErrorType), new(F.Priority, Descending)],
        ["errorType desc, createdByUserId asc, status asc"] = [new(F.ErrorType, Descending), new(F.CreatedByUserId), new(F.Status)],
        ["retriedByTaskId desc, errorName asc"] = [new(F.RetriedByTaskId, Descending), new(F.ErrorName)],
        ["id desc"] = [new(F.Id, Descending)],
        ["statusChangedTimestamp asc"] = [new(F.StatusChangedTimestamp)],
    };

    private static readonly QueryFilter SomeFunctions = QueryFilter.Where(F.FunctionName, FilterOperator.In, new[] { "alpha", "gamma" });

    public static TheoryData<string, int> SortCases
    {
        get
        {
            var cases = new TheoryData<string, int>();
            foreach (var sort in Sorts.Keys)
            {
                cases.Add(sort, 7);
                cases.Add(sort, 50);
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task Paging_forward_with_first_and_after_visits_every_row_once_in_order(string sortName, int pageSize)
    {
        var sort = Sorts[sortName];
        var expected = TaskOracle.Ids(TaskSamples.Rows, null, sort);

        var visited = new List<Guid>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var page = await database.PageAsync(null, sort, new PageRequest(First: pageSize, After: after));
            pages++;
            Assert.Equal(after is not null, page.HasPreviousPage);
            Assert.True(page.Items.Count == pageSize || !page.HasNextPage, "only the last page may be short");
            visited.AddRange(page.Items.Select(i => i.Node));
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.EndCursor;
        }

        Assert.Equal(expected, visited);
        Assert.Equal((expected.Count + pageSize - 1) / pageSize, pages);
    }

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task Paging_backward_with_last_and_before_visits_every_row_once_in_order(string sortName, int pageSize)
    {
        var sort = Sorts[sortName];
        var expected = TaskOracle.Ids(TaskSamples.Rows, SomeFunctions, sort);

        var visited = new List<Guid>();
        string? before = null;
        while (true)
        {
            var page = await database.PageAsync(SomeFunctions, sort, new PageRequest(Last: pageSize, Before: before));
            Assert.Equal(before is not null, page.HasNextPage);
            visited.InsertRange(0, page.Items.Select(i => i.Node));
            if (!page.HasPreviousPage)
            {
                break;
            }

            before = page.StartCursor;
        }

        Assert.Equal(expected, visited);
    }

    [Fact]
    public async Task Cursors_point_at_their_own_row_so_a_window_between_two_cursors_holds_the_rows_between()
    {
        var sort = Sorts["errorType desc, createdByUserId asc, status asc"];
        var expected = TaskOracle.Ids(TaskSamples.Rows, null, sort);
        var all = await database.PageAsync(null, sort, new PageRequest(First: 50));
        var from = all.Items[5].Cursor;
        var to = all.Items[30].Cursor;

        var forward = await database.PageAsync(null, sort, new PageRequest(First: 50, After: from, Before: to));
        var backward = await database.PageAsync(null, sort, new PageRequest(Last: 10, After: from, Before: to));

        Assert.Equal(expected[6..30], forward.Items.Select(i => i.Node));
        Assert.False(forward.HasNextPage);
        Assert.Equal(expected[20..30], backward.Items.Select(i => i.Node));
        Assert.True(backward.HasPreviousPage);
    }

    [Fact]
    public async Task Items_carry_the_cursor_that_resumes_right_after_them()
    {
        var first = await database.PageAsync(null, null, new PageRequest(First: 10));
        var resumed = await database.PageAsync(null, null, new PageRequest(First: 3, After: first.Items[4].Cursor));

        Assert.Equal(first.Items.Skip(5).Take(3).Select(i => i.Node), resumed.Items.Select(i => i.Node));
        Assert.Equal((first.Items[0].Cursor, first.Items[9].Cursor), (first.StartCursor, first.EndCursor));
    }

    [Fact]
    public async Task First_zero_gives_an_empty_page_that_knows_rows_follow()
    {
        var page = await database.PageAsync(null, null, new PageRequest(First: 0), count: true);

        Assert.Empty(page.Items);
        Assert.Equal((true, false, (string?)null, (string?)null), (page.HasNextPage, page.HasPreviousPage, page.StartCursor, page.EndCursor));
        Assert.Equal(TaskSamples.Count, page.TotalCount);
    }

    [Fact]
    public async Task A_filter_matching_nothing_gives_an_empty_page_with_a_zero_count()
    {
        var page = await database.PageAsync(QueryFilter.Where(F.FunctionName, FilterOperator.Eq, "nope"), null, new PageRequest(), count: true);

        Assert.Empty(page.Items);
        Assert.Equal((false, false, (long?)0), (page.HasNextPage, page.HasPreviousPage, page.TotalCount));
    }

    [Fact]
    public async Task Paging_past_the_last_row_gives_an_empty_page()
    {
        var sort = new SortField[] { new(F.ErrorType) };
        var lastRow = await database.PageAsync(null, sort, new PageRequest(Last: 1));
        var beyond = await database.PageAsync(null, sort, new PageRequest(First: 10, After: lastRow.EndCursor));

        Assert.Empty(beyond.Items);
        Assert.Equal((false, true), (beyond.HasNextPage, beyond.HasPreviousPage));
    }

    [Fact]
    public async Task Without_first_or_last_a_page_holds_the_default_ten_rows()
    {
        var page = await database.PageAsync(null, null, new PageRequest());

        Assert.Equal(TaskOracle.Ids(TaskSamples.Rows, null, null).Take(10), page.Items.Select(i => i.Node));
        Assert.Null(page.TotalCount);
    }

    [Fact]
    public async Task A_cursor_from_another_sort_is_rejected()
    {
        var byFunction = await database.PageAsync(null, [new(F.FunctionName)], new PageRequest(First: 2));

        var error = await Assert.ThrowsAsync<QueryValidationException>(
            () => database.PageAsync(null, [new(F.FunctionName, Descending)], new PageRequest(First: 2, After: byFunction.EndCursor)));

        Assert.Equal(QueryErrorCode.CursorMismatch, Assert.Single(error.Errors).Code);
    }

    [Fact]
    public async Task The_total_count_ignores_paging_and_equals_the_oracle_count()
    {
        var filter = QueryFilter.Where(F.Priority, FilterOperator.Gt, 0);
        var first = await database.PageAsync(filter, null, new PageRequest(First: 3), count: true);
        var later = await database.PageAsync(filter, null, new PageRequest(Last: 3, Before: first.EndCursor), count: true);

        var expected = TaskOracle.Ids(TaskSamples.Rows, filter, null).Count;
        Assert.Equal((expected, expected), (first.TotalCount, later.TotalCount));
    }

    [Fact]
    public async Task Mapped_rows_read_the_requested_columns_by_ordinal()
    {
        var page = await database.Executor.ExecuteAsync(
            TaskQueryModel.ReadModel,
            new ReadModelQuery(Sort: [new(F.Priority, Descending)], Page: new PageRequest(First: 5)),
            ["function_name", "priority", "data"],
            r => (Function: r.GetString(0), Priority: r.GetInt32(1), Data: r.GetString(2)));

        var expected = TaskSamples.Rows.Order(TaskOracle.Comparer([new(F.Priority, Descending)])).Take(5).Select(r => (r.FunctionName, r.Priority, "{}"));
        Assert.Equal(expected, page.Items.Select(i => i.Node));
    }
}
