using System.Text;
using Tasks.Projections.Queries;
using static Tasks.Projections.Tests.Queries.ThingModel;

namespace Tasks.Projections.Tests.Queries;

public sealed class SortAndPagingCompilationTests
{
    private static readonly DateTimeOffset Noon = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static string OrderByOf(CompiledPageQuery compiled)
    {
        var sql = compiled.Query.Sql;
        var start = sql.IndexOf(" ORDER BY ", StringComparison.Ordinal) + " ORDER BY ".Length;
        return sql[start..sql.IndexOf(" LIMIT ", StringComparison.Ordinal)];
    }

    private static string KeysetOf(CompiledPageQuery compiled)
    {
        var sql = compiled.Query.Sql;
        var start = sql.IndexOf(" WHERE ", StringComparison.Ordinal) + " WHERE ".Length;
        return sql[start..sql.IndexOf(" ORDER BY ", StringComparison.Ordinal)];
    }

    [Fact]
    public void Tasks_default_to_newest_first_with_the_id_as_tiebreaker_in_the_same_direction()
    {
        var compiled = ReadModelQueryCompiler.Compile(TaskQueryModel.ReadModel, new ReadModelQuery(), ["id", "data"]);
        Assert.Equal(
            "SELECT id, data, created_at AS cursor_key_0, id AS cursor_key_1 FROM tasks ORDER BY created_at DESC, id DESC LIMIT @p0",
            compiled.Query.Sql);
        Assert.Equal(11, Assert.Single(compiled.Query.Parameters).Value);
        Assert.Equal((10, 2), (compiled.PageSize, compiled.CursorColumnOffset));
        Assert.Equal(
            [new SortField("creationTimestamp", SortDirection.Descending), new SortField("id", SortDirection.Descending)],
            compiled.EffectiveSort);
    }

    [Fact]
    public void Without_any_sort_the_key_alone_orders_ascending()
    {
        Assert.Equal("id ASC", OrderByOf(Compile()));
    }

    [Fact]
    public void The_key_follows_the_direction_of_the_last_sort_key_and_is_not_repeated()
    {
        Assert.Equal("name DESC, count ASC, id ASC", OrderByOf(Compile(sort: [new("name", SortDirection.Descending), new("count")])));
        Assert.Equal("name ASC, id DESC", OrderByOf(Compile(sort: [new("name"), new("id", SortDirection.Descending)])));
    }

    [Fact]
    public void Sort_keys_after_the_unique_key_are_dropped_since_they_cannot_change_the_order()
    {
        var compiled = Compile(sort: [new("id", SortDirection.Descending), new("rank")]);
        Assert.Equal("id DESC", OrderByOf(compiled));
        Assert.Equal([new SortField("id", SortDirection.Descending)], compiled.EffectiveSort);
    }

    [Theory]
    [InlineData("tags", QueryErrorCode.FieldNotSortable)]
    [InlineData("nope", QueryErrorCode.UnknownField)]
    public void Sorting_on_lists_or_unknown_fields_is_rejected(string field, QueryErrorCode code)
    {
        var error = SingleError(() => Compile(sort: [new(field)]));
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void Sorting_twice_on_one_field_is_rejected()
    {
        Assert.Equal(QueryErrorCode.DuplicateSortField, SingleError(() => Compile(sort: [new("name"), new("name", SortDirection.Descending)])).Code);
    }

    [Fact]
    public void Paging_backward_reverses_every_key_of_the_order()
    {
        var compiled = Compile(sort: [new("name", SortDirection.Descending), new("count")], page: new PageRequest(Last: 5));
        Assert.Equal("name ASC, count DESC, id DESC", OrderByOf(compiled));
        Assert.True(compiled.IsBackward);
        Assert.Equal(6, compiled.Query.Parameters[^1].Value);
    }

    [Fact]
    public void Page_size_defaults_to_ten_and_first_zero_still_fetches_one_row_to_tell_if_more_follow()
    {
        Assert.Equal(10, Compile().PageSize);
        var empty = Compile(page: new PageRequest(First: 0));
        Assert.Equal((0, 1), (empty.PageSize, (int)empty.Query.Parameters[^1].Value!));
    }

    [Fact]
    public void First_and_last_together_are_rejected()
    {
        Assert.Equal(QueryErrorCode.ConflictingPageArguments, SingleError(() => Compile(page: new PageRequest(First: 1, Last: 1))).Code);
    }

    [Theory]
    [InlineData(-1, null)]
    [InlineData(51, null)]
    [InlineData(null, 51)]
    [InlineData(null, -5)]
    public void Page_sizes_outside_zero_to_fifty_are_rejected(int? first, int? last)
    {
        var error = SingleError(() => Compile(page: new PageRequest(First: first, Last: last)));
        Assert.Equal((QueryErrorCode.InvalidPageSize, first is null ? "last" : "first"), (error.Code, error.Field));
    }

    [Fact]
    public void Page_sizes_are_configurable_on_the_description()
    {
        var roomy = new ReadModelDescription("things", "id", ReadModel.Fields, []) { DefaultPageSize = 25, MaxPageSize = 200 };
        Assert.Equal(25, Compile(model: roomy).PageSize);
        Assert.Equal(200, Compile(page: new PageRequest(First: 200), model: roomy).PageSize);
    }

    [Fact]
    public void Columns_outside_the_description_cannot_be_selected()
    {
        Assert.Throws<ArgumentException>(() => ReadModelQueryCompiler.Compile(ReadModel, new ReadModelQuery(), ["id", "password"]));
        Assert.Throws<ArgumentException>(() => ReadModelQueryCompiler.Compile(FunctionQueryModel.ReadModel, new ReadModelQuery(), ["name", "environment"]));
        ReadModelQueryCompiler.Compile(ReadModel, new ReadModelQuery(), ["id", "secret_payload"]);
    }

    [Fact]
    public void A_cursor_with_all_keys_non_null_and_one_direction_becomes_a_row_comparison()
    {
        var sort = new SortField[] { new("at", SortDirection.Descending) };
        var cursor = Compile(sort: sort).CreateCursor([Noon, Guid.Empty]);
        var compiled = Compile(sort: sort, page: new PageRequest(After: cursor));
        Assert.Equal("(happened_at, id) < (@p0, @p1)", KeysetOf(compiled));
        Assert.Equal(Noon, compiled.Query.Parameters[0].Value);
        Assert.Equal(Guid.Empty, compiled.Query.Parameters[1].Value);
    }

    [Fact]
    public void A_before_cursor_compares_the_other_way()
    {
        var cursor = Compile().CreateCursor([Guid.Empty]);
        Assert.Equal("id < @p0", KeysetOf(Compile(page: new PageRequest(Last: 3, Before: cursor))));
        Assert.Equal("id < @p0", KeysetOf(Compile(page: new PageRequest(First: 3, Before: cursor))));
        Assert.Equal("id > @p0", KeysetOf(Compile(page: new PageRequest(Last: 3, After: cursor))));
    }

    [Fact]
    public void Mixed_directions_expand_to_nested_comparisons_bounded_on_the_leading_column()
    {
        var sort = new SortField[] { new("name"), new("count", SortDirection.Descending) };
        var cursor = Compile(sort: sort).CreateCursor(["m", 3, Guid.Empty]);
        Assert.Equal(
            "name >= @p0 AND (name > @p0 OR (name = @p0 AND (count < @p1 OR (count = @p1 AND id < @p2))))",
            KeysetOf(Compile(sort: sort, page: new PageRequest(After: cursor))));
    }

    [Fact]
    public void Nullable_keys_put_nulls_after_values_ascending_and_before_them_descending()
    {
        var ascending = new SortField[] { new("rank") };
        var fromValue = Compile(sort: ascending).CreateCursor([4, Guid.Empty]);
        Assert.Equal(
            "((rank > @p0 OR rank IS NULL) OR (rank = @p0 AND id > @p1))",
            KeysetOf(Compile(sort: ascending, page: new PageRequest(After: fromValue))));
        var fromNull = Compile(sort: ascending).CreateCursor([null, Guid.Empty]);
        Assert.Equal("(rank IS NULL AND id > @p0)", KeysetOf(Compile(sort: ascending, page: new PageRequest(After: fromNull))));

        var descending = new SortField[] { new("rank", SortDirection.Descending) };
        var fromNullDescending = Compile(sort: descending).CreateCursor([null, Guid.Empty]);
        Assert.Equal(
            "(rank IS NOT NULL OR (rank IS NULL AND id < @p0))",
            KeysetOf(Compile(sort: descending, page: new PageRequest(After: fromNullDescending))));
        var fromValueDescending = Compile(sort: descending).CreateCursor([4, Guid.Empty]);
        Assert.Equal(
            "(rank < @p0 OR (rank = @p0 AND id < @p1))",
            KeysetOf(Compile(sort: descending, page: new PageRequest(After: fromValueDescending))));
    }

    [Fact]
    public void The_filter_and_both_cursors_are_and_ed()
    {
        var after = Compile().CreateCursor([Guid.Empty]);
        var before = Compile().CreateCursor([Guid.AllBitsSet]);
        var compiled = Compile(QueryFilter.Where("count", FilterOperator.Eq, 1), page: new PageRequest(First: 2, After: after, Before: before));
        Assert.Equal("count = @p0 AND id > @p1 AND id < @p2", KeysetOf(compiled));
    }

    [Fact]
    public void A_cursor_made_for_another_sort_is_rejected_as_a_mismatch()
    {
        var cursor = Compile(sort: [new("name")]).CreateCursor(["m", Guid.Empty]);
        var error = SingleError(() => Compile(sort: [new("name", SortDirection.Descending)], page: new PageRequest(After: cursor)));
        Assert.Equal((QueryErrorCode.CursorMismatch, "after"), (error.Code, error.Field));
    }

    [Fact]
    public void A_cursor_made_for_another_model_is_rejected_as_a_mismatch()
    {
        var taskCursor = ReadModelQueryCompiler.Compile(ScheduleQueryModel.ReadModel, new ReadModelQuery(), ["id"]).CreateCursor([Noon, Guid.Empty]);
        var error = SingleError(() => ReadModelQueryCompiler.Compile(TaskQueryModel.ReadModel, new ReadModelQuery(Page: new PageRequest(Before: taskCursor, Last: 2)), ["id"]));
        Assert.Equal((QueryErrorCode.CursorMismatch, "before"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("")]
    [InlineData("W10")]
    [InlineData("eyJhIjoxfQ")]
    public void Garbage_cursors_are_rejected_as_invalid(string cursor)
    {
        var error = SingleError(() => Compile(page: new PageRequest(After: cursor)));
        Assert.Equal((QueryErrorCode.InvalidCursor, "after"), (error.Code, error.Field));
    }

    [Fact]
    public void A_cursor_with_the_right_fingerprint_but_wrongly_typed_values_is_rejected_as_invalid()
    {
        var genuine = Compile(sort: [new("count")]).CreateCursor([3, Guid.Empty]);
        var json = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(genuine));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.Replace(",3,", ",\"3\",", StringComparison.Ordinal)));
        var nulled = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.Replace(",3,", ",null,", StringComparison.Ordinal)));
        Assert.NotEqual(genuine, forged);
        Assert.Equal(QueryErrorCode.InvalidCursor, SingleError(() => Compile(sort: [new("count")], page: new PageRequest(After: forged))).Code);
        Assert.Equal(QueryErrorCode.InvalidCursor, SingleError(() => Compile(sort: [new("count")], page: new PageRequest(After: nulled))).Code);
    }

    [Fact]
    public void Creating_a_cursor_checks_the_values_against_the_sort_keys()
    {
        var compiled = Compile(sort: [new("count")]);
        Assert.Throws<ArgumentException>(() => compiled.CreateCursor([3]));
        Assert.Throws<ArgumentException>(() => compiled.CreateCursor(["3", Guid.Empty]));
        Assert.Throws<ArgumentException>(() => compiled.CreateCursor([null, Guid.Empty]));
    }

    [Fact]
    public void A_forward_page_drops_the_extra_row_and_reports_previous_pages_only_after_a_cursor()
    {
        var compiled = Compile(page: new PageRequest(First: 2));
        var page = compiled.ToPage([new PageItem<int>(1, "a"), new(2, "b"), new(3, "c")], totalCount: 7);
        Assert.Equal([1, 2], page.Items.Select(i => i.Node));
        Assert.Equal((true, false, "a", "b", (long?)7), (page.HasNextPage, page.HasPreviousPage, page.StartCursor, page.EndCursor, page.TotalCount));
        var last = compiled.ToPage([new PageItem<int>(1, "a")], totalCount: null);
        Assert.False(last.HasNextPage);
    }

    [Fact]
    public void A_backward_page_restores_sort_order_and_reports_next_pages_only_before_a_cursor()
    {
        var cursor = Compile().CreateCursor([Guid.Empty]);
        var compiled = Compile(page: new PageRequest(Last: 2, Before: cursor));
        var page = compiled.ToPage([new PageItem<int>(3, "c"), new(2, "b"), new(1, "a")], totalCount: null);
        Assert.Equal([2, 3], page.Items.Select(i => i.Node));
        Assert.Equal((true, true, "b", "c"), (page.HasNextPage, page.HasPreviousPage, page.StartCursor, page.EndCursor));
    }

    [Fact]
    public void An_empty_page_has_no_cursors()
    {
        var page = Compile(page: new PageRequest(First: 0)).ToPage([new PageItem<int>(1, "a")], totalCount: null);
        Assert.Empty(page.Items);
        Assert.Equal((true, (string?)null, (string?)null), (page.HasNextPage, page.StartCursor, page.EndCursor));
    }
}
